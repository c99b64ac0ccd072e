'use client';
import type { ModelVersionFragment } from '@/lib/graphql/generated/graphql';
import { useI18n } from '@/lib/i18n/client';
import { ProfileFields } from '@/components/profiles/ProfileFields';
import type { Profile } from '@/lib/profiles';

interface ProfilePickerProps {
  models: ModelVersionFragment[];
  model: ModelVersionFragment;
  profile: Profile;
  onModelChange: (model: ModelVersionFragment) => void;
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
      <ProfileFields
        model={model}
        profile={profile}
        onChange={onProfileChange}
        sizeLabel={(size) => `${size} × ${size}`}
      />
    </div>
  );
}
