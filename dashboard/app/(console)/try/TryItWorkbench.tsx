'use client';
import { useEffect, useRef, useState } from 'react';
import { DetectionViewer } from '@/components/detections/DetectionViewer';
import { ErrorNotice } from '@/components/ErrorNotice';
import { request } from '@/lib/graphql/client';
import { DETECT } from '@/lib/graphql/documents/detections';
import { toFailure, type RequestFailure } from '@/lib/graphql/errors';
import type {
  DetectionFragment,
  LabelSetSummaryFragment,
  ModelVersionFragment,
} from '@/lib/graphql/generated/graphql';
import { useI18n } from '@/lib/i18n/client';
import { defaultProfileOf, type Profile } from '@/lib/profiles';
import { PhotoDropZone, usePastedPhoto, type Photo } from './PhotoDropZone';
import { ProfilePicker } from './ProfilePicker';
import { TimingSummary } from './TimingSummary';
import styles from './try.module.css';

/** Ask for everything down to this score once; the slider then filters without another request. */
const REQUEST_MIN_SCORE = 0.1;

interface Outcome {
  detection: DetectionFragment;
  roundTripMs: number;
}

/**
 * An admin trying the model: the label set to answer with (published ones; empty: the model's own), and whether
 * the review rules may sample the result (off by default: trying photos out is not traffic to review).
 */
export function TryItWorkbench({
  models,
  labelSets,
}: {
  models: ModelVersionFragment[];
  labelSets: LabelSetSummaryFragment[];
}) {
  const { t } = useI18n();
  const [labelSet, setLabelSet] = useState('');
  const [sampleForReview, setSampleForReview] = useState(false);
  const [model, setModel] = useState(models[0]);
  const [profile, setProfile] = useState<Profile>(defaultProfileOf(models[0]));
  const [photo, setPhoto] = useState<Photo | null>(null);
  const currentPhoto = useRef<Photo | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [running, setRunning] = useState(false);
  const [failure, setFailure] = useState<RequestFailure | null>(null);

  function replacePhoto(next: Photo | null) {
    currentPhoto.current?.release();
    currentPhoto.current = next;
    setPhoto(next);
    setOutcome(null);
  }
  useEffect(() => () => currentPhoto.current?.release(), []);

  async function detect(target: Photo) {
    setRunning(true);
    setFailure(null);
    const started = performance.now();
    try {
      const { detect } = await request(DETECT, {
        input: {
          imageBase64: target.base64,
          model: model.name,
          ...profile,
          minScore: REQUEST_MIN_SCORE,
          ...(labelSet && { labelSet }),
          sampleForReview,
        },
      });
      setOutcome({ detection: detect, roundTripMs: performance.now() - started });
    } catch (error) {
      setFailure(toFailure(error));
    } finally {
      setRunning(false);
    }
  }

  /** A new photo is detected straight away with the current settings. */
  function choosePhoto(next: Photo) {
    replacePhoto(next);
    void detect(next);
  }
  usePastedPhoto(choosePhoto);

  return (
    <section className="card stack">
      <div className={styles.controls}>
        <ProfilePicker
          models={models}
          model={model}
          profile={profile}
          onModelChange={(next) => {
            setModel(next);
            setProfile(defaultProfileOf(next));
          }}
          onProfileChange={setProfile}
        />
        <label className="field">
          {t.tryIt.labelSet}
          <select value={labelSet} onChange={(event) => setLabelSet(event.target.value)}>
            <option value="">{t.tryIt.labelSetDefault}</option>
            {labelSets.map((set) => (
              <option key={set.key} value={set.key}>
                {set.name} ({set.key} v{set.latestVersion})
              </option>
            ))}
          </select>
        </label>
        <label className="row">
          <input
            type="checkbox"
            checked={sampleForReview}
            onChange={(event) => setSampleForReview(event.target.checked)}
          />
          {t.tryIt.sampleForReview}
        </label>
        <div className="toolbar">
          {photo && (
            <button type="button" className="button" onClick={() => replacePhoto(null)} disabled={running}>
              {t.tryIt.changePhoto}
            </button>
          )}
          <button
            type="button"
            className="button primary"
            onClick={() => photo && detect(photo)}
            disabled={!photo || running}
          >
            {running ? t.tryIt.running : t.tryIt.run}
          </button>
        </div>
      </div>
      {failure && <ErrorNotice failure={failure} />}
      {!photo ? (
        <PhotoDropZone onPhoto={choosePhoto} />
      ) : outcome ? (
        <>
          <TimingSummary detection={outcome.detection} roundTripMs={outcome.roundTripMs} />
          <DetectionViewer
            key={outcome.detection.id}
            src={photo.url}
            alt={photo.name}
            width={outcome.detection.image.width}
            height={outcome.detection.image.height}
            objects={outcome.detection.objects}
            floor={REQUEST_MIN_SCORE}
          />
        </>
      ) : (
        <img className={styles.preview} src={photo.url} alt={photo.name} />
      )}
    </section>
  );
}
