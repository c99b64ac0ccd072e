'use client';
import type { ModelVersionFragment } from '@/lib/graphql/generated/graphql';
import { useI18n } from '@/lib/i18n/client';
import { inputSizesOf, precisionsOf, withPrecision, type Profile } from '@/lib/profiles';

interface ProfileFieldsProps {
  model: ModelVersionFragment;
  profile: Profile;
  onChange: (profile: Profile) => void;
  /** How an input size reads in its option, e.g. "320" or "320 × 320". */
  sizeLabel?: (size: number) => string;
}

/** Precision and input-size selects offering only the profiles the model version has artifacts for. */
export function ProfileFields({ model, profile, onChange, sizeLabel = String }: ProfileFieldsProps) {
  const { t } = useI18n();
  return (
    <>
      <label className="field">
        {t.tryIt.precision}
        <select
          value={profile.precision}
          onChange={(event) =>
            onChange(withPrecision(model, profile, event.target.value as Profile['precision']))
          }
        >
          {precisionsOf(model).map((precision) => (
            <option key={precision} value={precision}>
              {precision}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        {t.tryIt.inputSize}
        <select
          value={profile.inputSize}
          onChange={(event) => onChange({ ...profile, inputSize: Number(event.target.value) })}
        >
          {inputSizesOf(model, profile.precision).map((size) => (
            <option key={size} value={size}>
              {sizeLabel(size)}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}
