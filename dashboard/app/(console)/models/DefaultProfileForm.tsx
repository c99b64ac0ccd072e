'use client';
import { useState } from 'react';
import type { ModelVersion, Precision } from '@/lib/graphql/types';
import { useI18n } from '@/lib/i18n/client';
import { defaultProfileOf, inputSizesOf, precisionsOf, withPrecision } from '@/lib/profiles';
import { SetDefaultButton } from './SetDefaultButton';

/** Any profile the active version has an artifact for can become the default, benchmarked or not. */
export function DefaultProfileForm({ model }: { model: ModelVersion }) {
  const { t } = useI18n();
  const current = defaultProfileOf(model);
  const [profile, setProfile] = useState(current);
  const isDefault = profile.precision === current.precision && profile.inputSize === current.inputSize;

  return (
    <div className="row" style={{ alignItems: 'flex-end' }}>
      <strong>{t.models.defaultProfile}</strong>
      <label className="field">
        {t.tryIt.precision}
        <select
          value={profile.precision}
          onChange={(e) => setProfile(withPrecision(model, profile, e.target.value as Precision))}
        >
          {precisionsOf(model).map((precision) => (
            <option key={precision}>{precision}</option>
          ))}
        </select>
      </label>
      <label className="field">
        {t.tryIt.inputSize}
        <select
          value={profile.inputSize}
          onChange={(e) => setProfile({ ...profile, inputSize: Number(e.target.value) })}
        >
          {inputSizesOf(model, profile.precision).map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </select>
      </label>
      <SetDefaultButton model={model.name} profile={profile} isDefault={isDefault} />
    </div>
  );
}
