'use client';
import { useState, type FormEvent } from 'react';
import type { StartProfileBenchmarkInput } from '@/lib/graphql/generated/graphql';
import { useI18n } from '@/lib/i18n/client';
import { BENCHMARK_PROFILES, profileName } from '@/lib/profiles';
import styles from './models.module.css';

/** Quick mode: accuracy on the first few images and one interleaved speed round. */
const QUICK_MAX_IMAGES = 8;
const QUICK_SPEED_ROUNDS = 1;
const BASELINE = BENCHMARK_PROFILES[0];

/** What to benchmark: input sizes (those baked in fp32), profiles (fp32 always), quick or full. */
export function BenchmarkForm({
  model,
  sizes,
  defaultSize,
  disabled,
  pending,
  onStart,
}: {
  model: string;
  /** The baked fp32 sizes, ascending. */
  sizes: number[];
  defaultSize: number;
  /** A job is being watched that has not finished. */
  disabled: boolean;
  pending: boolean;
  onStart: (input: StartProfileBenchmarkInput) => void;
}) {
  const { t } = useI18n();
  const b = t.models.benchmark;
  // One size to begin with (the default profile's): every size at every profile takes a long time on a CPU.
  const [chosenSizes, setChosenSizes] = useState(() => [
    sizes.includes(defaultSize) ? defaultSize : sizes[0],
  ]);
  const [profiles, setProfiles] = useState<string[]>([...BENCHMARK_PROFILES]);
  const [quick, setQuick] = useState(true);
  const [maxImages, setMaxImages] = useState(QUICK_MAX_IMAGES);

  const toggle = <T,>(list: T[], item: T, on: boolean) =>
    on ? [...new Set([...list, item])] : list.filter((x) => x !== item);

  function submit(event: FormEvent) {
    event.preventDefault();
    onStart({
      model,
      sizes: sizes.filter((size) => chosenSizes.includes(size)),
      precisions: BENCHMARK_PROFILES.filter((profile) => profile === BASELINE || profiles.includes(profile)),
      ...(quick && { maxImages, speedRounds: QUICK_SPEED_ROUNDS }),
    });
  }

  return (
    <form className="stack" onSubmit={submit}>
      <fieldset className={styles.choices}>
        <legend>{b.sizes}</legend>
        {sizes.map((size) => (
          <label key={size} className={styles.check}>
            <input
              type="checkbox"
              checked={chosenSizes.includes(size)}
              onChange={(e) => setChosenSizes(toggle(chosenSizes, size, e.target.checked))}
            />
            {size}
          </label>
        ))}
      </fieldset>
      <fieldset className={styles.choices}>
        <legend>{b.profiles}</legend>
        {BENCHMARK_PROFILES.map((profile) => (
          <label key={profile} className={styles.check} title={profile === BASELINE ? b.baseline : undefined}>
            <input
              type="checkbox"
              checked={profile === BASELINE || profiles.includes(profile)}
              disabled={profile === BASELINE}
              onChange={(e) => setProfiles(toggle(profiles, profile, e.target.checked))}
            />
            {profileName(profile)}
          </label>
        ))}
        <span className="muted">{b.baseline}</span>
      </fieldset>
      <fieldset className={styles.choices}>
        <legend>{b.mode}</legend>
        <label className={styles.check}>
          <input type="radio" name={`mode-${model}`} checked={quick} onChange={() => setQuick(true)} />
          {b.quick}
        </label>
        {quick && (
          <label className={styles.check}>
            {b.maxImages}
            <input
              type="number"
              min={1}
              step={1}
              required
              value={maxImages}
              onChange={(e) => setMaxImages(Math.max(1, Math.round(Number(e.target.value)) || 1))}
            />
          </label>
        )}
        <label className={styles.check}>
          <input type="radio" name={`mode-${model}`} checked={!quick} onChange={() => setQuick(false)} />
          {b.full}
        </label>
        <span className="muted">{quick ? b.quickHint : b.fullHint}</span>
      </fieldset>
      <div>
        <button
          type="submit"
          className="button primary"
          disabled={disabled || pending || chosenSizes.length === 0}
        >
          {pending ? b.starting : b.start}
        </button>
      </div>
    </form>
  );
}
