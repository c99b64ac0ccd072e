'use client';
import { useState } from 'react';
import { ErrorNotice } from '@/components/ErrorNotice';
import { CREATE_API_KEY } from '@/lib/graphql/documents/keys';
import type { CreatedApiKeyFragment, Role } from '@/lib/graphql/generated/graphql';
import { useMutation } from '@/lib/graphql/useMutation';
import { useI18n } from '@/lib/i18n/client';
import { SecretReveal } from './SecretReveal';

const ROLES: Role[] = ['APP', 'REVIEWER', 'ADMIN'];

export function CreateKeyForm() {
  const { t } = useI18n();
  const [created, setCreated] = useState<CreatedApiKeyFragment | null>(null);
  const { run, pending, error } = useMutation(CREATE_API_KEY);

  async function create(form: FormData) {
    const result = await run({
      input: { name: String(form.get('name')).trim(), role: form.get('role') as Role },
    });
    if (result) setCreated(result.createApiKey);
  }

  return (
    <section className="card stack">
      <h2>{t.keys.createTitle}</h2>
      {created ? (
        <SecretReveal created={created} onDone={() => setCreated(null)} />
      ) : (
        <form action={create} className="row" style={{ alignItems: 'flex-end' }}>
          <label className="field">
            {t.keys.name}
            <input type="text" name="name" required maxLength={100} placeholder={t.keys.namePlaceholder} />
          </label>
          <label className="field">
            {t.keys.role}
            <select name="role" defaultValue="APP">
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {t.roles[role]} — {t.keys.roleHints[role]}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="button primary" disabled={pending}>
            {t.keys.create}
          </button>
        </form>
      )}
      {error && <ErrorNotice failure={error} />}
    </section>
  );
}
