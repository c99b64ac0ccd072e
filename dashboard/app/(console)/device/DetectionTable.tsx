// One side's objects as rows: label, score and box, with the exact values in data attributes for comparing.
import type { BoxFragment as Box } from '@/lib/graphql/generated/graphql';

interface Row {
  label: { key: string; zh: string };
  score: number;
  box: Box;
}

export function DetectionTable({ objects, testId }: { objects: Row[]; testId: string }) {
  return (
    <table className="table" data-testid={testId}>
      <tbody>
        {objects.map((o, i) => (
          <tr
            key={i}
            data-label={o.label.key}
            data-score={o.score}
            data-box={JSON.stringify([o.box.x, o.box.y, o.box.width, o.box.height])}
          >
            <td>{o.label.zh}</td>
            <td>{o.score.toFixed(3)}</td>
            <td>{[o.box.x, o.box.y, o.box.width, o.box.height].map((v) => v.toFixed(1)).join(', ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
