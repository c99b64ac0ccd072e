import { formatDateTime } from '@/lib/format';
import type { AuditEntry } from '@/lib/graphql/types';
import { getI18n } from '@/lib/i18n/server';

const MAX_VALUE_CHARS = 60;

/** The top-level fields whose values differ between an entry's before and after states. */
function summarise(before: unknown, after: unknown): string[] {
  const asRecord = (value: unknown) =>
    value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  const [b, a] = [asRecord(before), asRecord(after)];
  const show = (value: unknown) => {
    const text = value === undefined ? '∅' : JSON.stringify(value);
    return text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS)}…` : text;
  };
  return [...new Set([...Object.keys(b), ...Object.keys(a)])]
    .filter((field) => JSON.stringify(b[field]) !== JSON.stringify(a[field]))
    .map((field) => `${field}: ${show(b[field])} → ${show(a[field])}`);
}

export async function AuditTrail({
  entries,
  keyNames,
}: {
  entries: AuditEntry[];
  keyNames: Map<string, string>;
}) {
  const { locale, t } = await getI18n();
  const c = t.labels.auditColumns;
  return (
    <div className="table-wrap">
      <table className="data">
        <thead>
          <tr>
            <th>{c.at}</th>
            <th>{c.actor}</th>
            <th>{c.action}</th>
            <th>{c.entity}</th>
            <th>{c.changes}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td className="nowrap">{formatDateTime(entry.at, locale)}</td>
              <td>
                {entry.actorKeyId
                  ? (keyNames.get(entry.actorKeyId) ?? entry.actorKeyId)
                  : t.labels.auditSystem}
              </td>
              <td className="mono">{entry.action}</td>
              <td className="mono">{entry.entity}</td>
              <td className="mono">
                {summarise(entry.before, entry.after).map((line) => (
                  <div key={line}>{line}</div>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
