// Texts the API writes in English (benchmark progress and warnings, a job's cancel note, the generated key's
// name, audit entries), shown in the dashboard's language. The API's sentences have fixed shapes
// (api/src/profiles/benchmark.ts, flags.ts, profile-jobs/job-service.ts); one it does not know is shown as is.
import { profileName } from '../profiles';
import type { Messages } from './zh-CN';

type SystemText = Messages['systemText'];

/** The first rule whose pattern matches renders the text; none: the text itself. */
function translate(text: string, rules: [RegExp, (...groups: string[]) => string][]): string {
  for (const [pattern, render] of rules) {
    const match = text.match(pattern);
    if (match) return render(...match.slice(1));
  }
  return text;
}

const profiles = (ids: string) => ids.split(', ').map(profileName).join('、');

export function progressText(message: string, s: SystemText): string {
  return translate(message, [
    [
      /^(built|up to date|rebuilt) (\S+)(?: \((.*)\))?$/,
      (status, file, reason) =>
        `${s.artifactStatus[status] ?? status} ${file}${reason ? ` (${reason})` : ''}`,
    ],
    [/^(\S+) (\d+): mAP on (\d+) images$/, (id, size, n) => s.measuringAccuracy(profileName(id), size, n)],
    [/^(\S+) (\d+): session memory and kernels$/, (id, size) => s.measuringMemory(profileName(id), size)],
    [
      /^(\d+): (.+) in (\d+) interleaved passes$/,
      (size, ids, passes) => s.measuringSpeed(size, profiles(ids), passes),
    ],
  ]);
}

export function flagText(flag: string, s: SystemText): string {
  const f = s.flags;
  return translate(flag, [
    [/^slower than fp32 on (.+): ([\d.]+)× its speed \(paired runs\)$/, f.slower],
    [/^no fp16 kernels on (.+): all (\d+) Convs computed in float32 between Casts$/, f.noFp16],
    [/^no fast int8 kernels on (.+): 0 of (\d+) Convs run as integer kernels$/, f.noInt8],
    [/^partly integer on (.+): (\d+) of (\d+) Convs run as integer kernels$/, f.partlyInteger],
    [
      /^int4 weights widened to float on every run on (.+): (\d+) DequantizeLinear left after optimisation$/,
      f.int4Widened,
    ],
    [/^mAP (-?[\d.]+) points vs fp32$/, f.mapDelta],
    [/^agrees with fp32 on ([\d.]+)% of confident boxes$/, f.agreement],
    [/^ran on (\S+): (\S+) was unavailable$/, f.fellBack],
  ]);
}

/** A cancelled job's note ("Cancelled by <key name>"). */
export function cancelText(note: string, s: SystemText): string {
  if (note === 'Cancelled by an admin') return s.cancelledByAdmin;
  return translate(note, [[/^Cancelled by (.+)$/, (name) => s.cancelledBy(keyNameText(name, s))]]);
}

/** Names the server gave keys itself; names people typed are theirs. */
export function keyNameText(name: string, s: SystemText): string {
  return s.keyNames[name] ?? name;
}

export function auditActionText(action: string, s: SystemText): string {
  return s.audit.actions[action] ?? action;
}

/** `label:coco80/person` → `标签 coco80/person`. */
export function auditEntityText(entity: string, s: SystemText): string {
  const [kind, ...rest] = entity.split(':');
  const name = s.audit.entities[kind];
  return name && rest.length ? `${name} ${rest.join(':')}` : entity;
}

const MAX_VALUE_CHARS = 60;
const MAX_LISTED_ITEMS = 6;

function valueText(value: unknown, s: SystemText): string {
  const a = s.audit;
  if (value === undefined || value === null || value === '') return a.empty;
  if (typeof value === 'boolean') return value ? a.yes : a.no;
  if (Array.isArray(value)) {
    if (value.length === 0) return a.empty;
    if (value.length > MAX_LISTED_ITEMS || value.some((v) => typeof v === 'object'))
      return a.items(value.length);
    return value.map((v) => valueText(v, s)).join('、');
  }
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS)}…` : text;
}

/** The top-level fields whose values differ between an entry's before and after, one line each. */
export function auditChangeLines(before: unknown, after: unknown, s: SystemText): string[] {
  const asRecord = (value: unknown) =>
    value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  const [b, a] = [asRecord(before), asRecord(after)];
  return [...new Set([...Object.keys(b), ...Object.keys(a)])]
    .filter((field) => JSON.stringify(b[field]) !== JSON.stringify(a[field]))
    .filter((field) => !['id', 'createdAt', 'publishedAt', 'lastUsedAt'].includes(field)) // bookkeeping
    .map((field) => {
      const name = s.audit.fields[field] ?? field;
      return field in b
        ? s.audit.change(name, valueText(b[field], s), valueText(a[field], s))
        : s.audit.set(name, valueText(a[field], s));
    });
}
