'use client';
import type { ModelVersion } from '@/lib/graphql/types';
import { useI18n } from '@/lib/i18n/client';
import { inputSizesOf, precisionsOf, withPrecision, type Profile } from '@/lib/profiles';

interface ProfilePickerProps {
  models: ModelVersion[];
  model: ModelVersion;
  profile: Profile;
  onModelChange: (model: ModelVersion) => void;
  onProfileChange: (profile: Profile) => void;
}

export function ProfilePicker({
  models,
  model,
  profile,
  onModelChange,
  onProfileChange,
}: ProfilePickerProps) {
  const { t } = useI18n();
  return (
    <div className="row">
      <label className="field">
        {t.tryIt.model}
        <select
          value={model.name}
          onChange={(event) => onModelChange(models.find((m) => m.name === event.target.value)!)}
        >
          {models.map((m) => (
            <option key={m.id} value={m.name}>
              {m.name} {m.version}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        {t.tryIt.precision}
        <select
          value={profile.precision}
          onChange={(event) =>
            onProfileChange(withPrecision(model, profile, event.target.value as Profile['precision']))
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
          onChange={(event) => onProfileChange({ ...profile, inputSize: Number(event.target.value) })}
        >
          {inputSizesOf(model, profile.precision).map((size) => (
            <option key={size} value={size}>
              {size} × {size}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
