'use client';
// Three ways in for a photo: drop it, paste it, or choose it. All end as a Photo ready to send.
import { useEffect, useEffectEvent, useState } from 'react';
import { useI18n } from '@/lib/i18n/client';
import styles from './try.module.css';

const ACCEPTED_TYPES = ['image/jpeg', 'image/png', 'image/webp'];
const MAX_BYTES = 20 * 1024 * 1024; // the API's default WANSHI_MAX_IMAGE_BYTES

export interface Photo {
  name: string;
  /** Object URL for display; call `release` when done with it. */
  url: string;
  base64: string;
  release: () => void;
}

type PhotoProblem = 'notImage' | 'tooLarge';

function problemOf(file: File): PhotoProblem | null {
  if (!ACCEPTED_TYPES.includes(file.type)) return 'notImage';
  if (file.size > MAX_BYTES) return 'tooLarge';
  return null;
}

async function toPhoto(file: File): Promise<Photo> {
  const dataUrl = await new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
  const url = URL.createObjectURL(file);
  return {
    name: file.name,
    url,
    base64: dataUrl.slice(dataUrl.indexOf(',') + 1),
    release: () => URL.revokeObjectURL(url),
  };
}

/** Shared by the drop zone and the page-wide paste handler: validate, then hand over a Photo or a problem. */
function usePhotoIntake(onPhoto: (photo: Photo) => void) {
  const [problem, setProblem] = useState<PhotoProblem | null>(null);
  async function take(file: File | undefined) {
    if (!file) return;
    const found = problemOf(file);
    setProblem(found);
    if (!found) onPhoto(await toPhoto(file));
  }
  return { problem, take };
}

/** Ctrl+V anywhere on the page hands over the pasted image. */
export function usePastedPhoto(onPhoto: (photo: Photo) => void) {
  const handOver = useEffectEvent(onPhoto);
  useEffect(() => {
    const onPaste = (event: ClipboardEvent) => {
      const file = [...(event.clipboardData?.files ?? [])].find((f) => problemOf(f) === null);
      if (file) void toPhoto(file).then(handOver);
    };
    window.addEventListener('paste', onPaste);
    return () => window.removeEventListener('paste', onPaste);
  }, []);
}

export function PhotoDropZone({ onPhoto }: { onPhoto: (photo: Photo) => void }) {
  const { t } = useI18n();
  const { problem, take } = usePhotoIntake(onPhoto);
  const [dragging, setDragging] = useState(false);

  return (
    <div className="stack">
      <label
        className={`${styles.dropZone} ${dragging ? styles.dragging : ''}`}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(event) => {
          event.preventDefault();
          setDragging(false);
          void take(event.dataTransfer.files[0]);
        }}
      >
        <span>
          {t.tryIt.dropHint} <span className={styles.chooseLink}>{t.tryIt.choose}</span>
        </span>
        <span className="muted">{t.tryIt.accepted}</span>
        <input
          type="file"
          accept={ACCEPTED_TYPES.join(',')}
          className="visually-hidden"
          onChange={(event) => {
            void take(event.target.files?.[0]);
            event.target.value = ''; // choosing the same file again should still count
          }}
        />
      </label>
      {problem && (
        <p className="notice error" role="alert">
          {t.tryIt[problem]}
        </p>
      )}
    </div>
  );
}
