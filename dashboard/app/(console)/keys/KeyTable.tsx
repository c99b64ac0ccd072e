import { formatDateTime } from '@/lib/format';
import type { ApiKeyWithLimitsFragment, KeyLimitsFragment } from '@/lib/graphql/generated/graphql';
import type { Messages } from '@/lib/i18n/zh-CN';
import { getI18n } from '@/lib/i18n/server';
import { keyNameText } from '@/lib/i18n/system-text';
import { RevokeButton } from './RevokeButton';

/** e.g. "5/s +10 · 1000 张/天", or "不限". */
function limitsText(
  { requestsPerSecond, burst, imagesPerDay }: KeyLimitsFragment,
  l: Messages['keys']['limits'],
): string {
  const parts = [];
  if (requestsPerSecond) parts.push(l.rate(requestsPerSecond, burst));
  if (imagesPerDay) parts.push(l.quota(imagesPerDay));
  return parts.length ? parts.join(' · ') : l.unlimited;
}

export async function KeyTable({ keys, viewerId }: { keys: ApiKeyWithLimitsFragment[]; viewerId: string }) {
  const { locale, t } = await getI18n();
  const c = t.keys.columns;
  return (
    <div className="table-wrap">
      <table className="data">
        <thead>
          <tr>
            <th>{c.name}</th>
            <th>{c.prefix}</th>
            <th>{c.role}</th>
            <th>{c.status}</th>
            <th>{c.created}</th>
            <th>{c.lastUsed}</th>
            <th>{c.limits}</th>
            <th>{t.common.actions}</th>
          </tr>
        </thead>
        <tbody>
          {keys.map((key) => (
            <tr key={key.id}>
              <td>
                {keyNameText(key.name, t.systemText)}{' '}
                {key.id === viewerId && <span className="badge accent">{t.keys.current}</span>}
              </td>
              <td className="mono">{key.prefix}…</td>
              <td>{t.roles[key.role]}</td>
              <td>
                {key.revokedAt ? (
                  <span className="badge danger" title={formatDateTime(key.revokedAt, locale)}>
                    {t.keys.revoked}
                  </span>
                ) : (
                  <span className="badge ok">{t.keys.valid}</span>
                )}
              </td>
              <td className="nowrap">{formatDateTime(key.createdAt, locale)}</td>
              <td className="nowrap">
                {key.lastUsedAt ? formatDateTime(key.lastUsedAt, locale) : t.keys.never}
              </td>
              <td className="nowrap">{limitsText(key.limits.effective, t.keys.limits)}</td>
              <td>
                {/* Revoking your own key would end this session mid-page; use another admin key for that. */}
                {!key.revokedAt && key.id !== viewerId && <RevokeButton id={key.id} name={key.name} />}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
