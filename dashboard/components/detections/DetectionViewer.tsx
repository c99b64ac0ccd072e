'use client';
// The one view of a detection result, used by Try it and by the History detail: the photo with boxes, a
// score slider that filters on the client, and the list of what was found.
import { useState } from 'react';
import type { DetectedObjectFragment } from '@/lib/graphql/generated/graphql';
import { useI18n } from '@/lib/i18n/client';
import { DetectionList } from './DetectionList';
import { DetectionOverlay } from './DetectionOverlay';
import { DISPLAY_MIN_SCORE } from './displayScore';
import styles from './detections.module.css';

interface DetectionViewerProps {
  src: string;
  alt: string;
  width: number;
  height: number;
  objects: DetectedObjectFragment[];
  /** The lowest score the slider can reach: the threshold the request was made with. */
  floor: number;
}

export function DetectionViewer({ src, alt, width, height, objects, floor }: DetectionViewerProps) {
  const { t } = useI18n();
  const [minScore, setMinScore] = useState(Math.max(floor, DISPLAY_MIN_SCORE));
  const visible = objects.filter((object) => object.score >= minScore);

  return (
    <div className={styles.viewer}>
      <DetectionOverlay src={src} alt={alt} width={width} height={height} objects={visible} />
      <aside className="stack">
        <label className="field">
          <span>
            {t.detections.minScore}: <strong>{Math.round(minScore * 100)}%</strong>
          </span>
          <input
            type="range"
            min={floor}
            max={1}
            step={0.01}
            value={minScore}
            onChange={(event) => setMinScore(Number(event.target.value))}
          />
        </label>
        <p className="muted" aria-live="polite">
          {t.detections.showing(visible.length, objects.length)}
        </p>
        {visible.length > 0 ? (
          <DetectionList objects={visible} />
        ) : (
          <p className="muted">{t.detections.noneAboveThreshold}</p>
        )}
      </aside>
    </div>
  );
}
