'use client';
// The new key's secret, shown this once. It lives only in this component's state, never in storage.
import { useState } from 'react';
import type { CreatedApiKeyFragment } from '@/lib/graphql/generated/graphql';
import { useI18n } from '@/lib/i18n/client';

export function SecretReveal({ created, onDone }: { created: CreatedApiKeyFragment; onDone: () => void }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  return (
    <div className="notice info stack" role="status">
      <strong>{t.keys.secretTitle(created.apiKey.name, t.roles[created.apiKey.role])}</strong>
      <div className="row">
        <code data-testid="new-secret" style={{ userSelect: 'all', overflowWrap: 'anywhere' }}>
          {created.secret}
        </code>
        <button
          type="button"
          className="button small"
          // The clipboard API exists only on https or localhost; elsewhere the text is still selectable.
          onClick={() => navigator.clipboard?.writeText(created.secret).then(() => setCopied(true))}
        >
          {copied ? t.common.copied : t.common.copy}
        </button>
      </div>
      <span>{t.keys.secretWarning}</span>
      <div>
        <button type="button" className="button small" onClick={onDone}>
          {t.keys.secretDone}
        </button>
      </div>
    </div>
  );
}
