import Link from 'next/link';
import type { LabelSetSummaryFragment } from '@/lib/graphql/generated/graphql';
import styles from './labels.module.css';

export function LabelSetTabs({
  summaries,
  selected,
}: {
  summaries: LabelSetSummaryFragment[];
  selected: string;
}) {
  if (summaries.length < 2) return null;
  return (
    <nav className={styles.tabs}>
      {summaries.map((summary) => (
        <Link
          key={summary.key}
          href={`/labels?set=${encodeURIComponent(summary.key)}`}
          className={summary.key === selected ? styles.currentTab : undefined}
          aria-current={summary.key === selected ? 'page' : undefined}
        >
          {summary.name}
        </Link>
      ))}
    </nav>
  );
}
