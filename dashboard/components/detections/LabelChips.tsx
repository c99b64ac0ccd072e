import type { DetectedObject } from '@/lib/graphql/types';

const MAX_CHIPS = 4;

/** The distinct labels of a detection, most frequent first, each with its count. */
export function LabelChips({ objects }: { objects: DetectedObject[] }) {
  const counts = new Map<string, { label: DetectedObject['label']; count: number }>();
  for (const { label } of objects) {
    const entry = counts.get(label.key) ?? { label, count: 0 };
    entry.count += 1;
    counts.set(label.key, entry);
  }
  const sorted = [...counts.values()].sort((a, b) => b.count - a.count);
  return (
    <span className="row" style={{ gap: 6 }}>
      {sorted.slice(0, MAX_CHIPS).map(({ label, count }) => (
        <span key={label.key} className="badge">
          <span className="swatch" style={{ background: label.color }} />
          {label.zh}
          {count > 1 && ` ×${count}`}
        </span>
      ))}
      {sorted.length > MAX_CHIPS && <span className="muted">+{sorted.length - MAX_CHIPS}</span>}
    </span>
  );
}
