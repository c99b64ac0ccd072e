'use client';
import { useState } from 'react';
import { ProfileFields } from '@/components/profiles/ProfileFields';
import type { ModelVersionFragment } from '@/lib/graphql/generated/graphql';
import { useI18n } from '@/lib/i18n/client';
import { defaultProfileOf } from '@/lib/profiles';
import { SetDefaultButton } from './SetDefaultButton';

/** Any profile the active version has an artifact for can become the default, benchmarked or not. */
export function DefaultProfileForm({ model }: { model: ModelVersionFragment }) {
  const { t } = useI18n();
  const current = defaultProfileOf(model);
  const [profile, setProfile] = useState(current);
  const isDefault = profile.precision === current.precision && profile.inputSize === current.inputSize;

  return (
    <div className="row" style={{ alignItems: 'flex-end' }}>
      <strong>{t.models.defaultProfile}</strong>
      <ProfileFields model={model} profile={profile} onChange={setProfile} />
      <SetDefaultButton model={model.name} profile={profile} isDefault={isDefault} />
    </div>
  );
}
