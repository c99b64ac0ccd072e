import { formatDateTime } from '@/lib/format';
import type { AuditEntryFragment } from '@/lib/graphql/generated/graphql';
import { getI18n } from '@/lib/i18n/server';
import { auditActionText, auditChangeLines, auditEntityText, keyNameText } from '@/lib/i18n/system-text';

export async function AuditTrail({
  entries,
  keyNames,
}: {
  entries: AuditEntryFragment[];
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
                  ? keyNameText(keyNames.get(entry.actorKeyId) ?? entry.actorKeyId, t.systemText)
                  : t.labels.auditSystem}
              </td>
              <td title={entry.action}>{auditActionText(entry.action, t.systemText)}</td>
              <td>{auditEntityText(entry.entity, t.systemText)}</td>
              <td data-testid="audit-changes">
                {auditChangeLines(entry.before, entry.after, t.systemText).map((line) => (
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
