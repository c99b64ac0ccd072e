import type { DetectedObjectFragment } from '@/lib/graphql/generated/graphql';
import { DISPLAY_MIN_SCORE } from './displayScore';

const MAX_CHIPS = 4;

/** The distinct labels found with confidence, best score first, each with its count. */
export function LabelChips({ objects, emptyText }: { objects: DetectedObjectFragment[]; emptyText: string }) {
  const byKey = new Map<string, { label: DetectedObjectFragment['label']; count: number; best: number }>();
  for (const { label, score } of objects.filter((object) => object.score >= DISPLAY_MIN_SCORE)) {
    const entry = byKey.get(label.key) ?? { label, count: 0, best: 0 };
    entry.count += 1;
    entry.best = Math.max(entry.best, score);
    byKey.set(label.key, entry);
  }
  const sorted = [...byKey.values()].sort((a, b) => b.best - a.best);
  if (sorted.length === 0) return <span className="muted">{emptyText}</span>;
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
