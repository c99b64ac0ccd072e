'use client';
// Reviewing one detection, mostly from the keyboard: ↑ ↓ select an object, 1 correct, 2 wrong label (then type
// the right one), 3 not an object, a the rest are correct, m draw a missed object, n submit and go on, s skip.
// Objects start unjudged: submitting needs a verdict on each (or a). The first action claims the detection.
import { useEffect, useState } from 'react';
import { imageUrl } from '@/components/detections/imageUrl';
import { ErrorNotice } from '@/components/ErrorNotice';
import { formatPercent } from '@/lib/format';
import { REVIEW_DETECTION } from '@/lib/graphql/documents/review';
import type {
  BoxFragment,
  LabelFragment,
  ReviewableDetectionFragment,
  Verdict,
} from '@/lib/graphql/generated/graphql';
import { useMutation } from '@/lib/graphql/useMutation';
import { useI18n } from '@/lib/i18n/client';
import {
  initialDraft,
  restCorrect,
  shownObjects,
  toReviewInput,
  unjudged,
  unlabelled,
  withVerdict,
  type ReviewDraft,
} from './draft';
import { LabelPicker } from './LabelPicker';
import { ReviewCanvas } from './ReviewCanvas';
import styles from './review.module.css';

const VERDICT_KEYS: Record<string, Verdict> = { '1': 'CORRECT', '2': 'WRONG_LABEL', '3': 'NOT_OBJECT' };

/** What the label picker is choosing for: an object marked wrong, or a box just drawn. */
type Picking = { objectId: string } | { box: BoxFragment } | null;

export function ReviewItem({
  detection,
  labels,
  onAct,
  onDone,
}: {
  detection: ReviewableDetectionFragment;
  labels: LabelFragment[];
  /** The reviewer did something with this detection (judged, drew, submitted): time to claim it. */
  onAct(): void;
  /** Called after a successful submit, or on skip. */
  onDone(outcome: 'reviewed' | 'skipped'): void;
}) {
  const { t } = useI18n();
  const r = t.review;
  const [draft, setDraft] = useState<ReviewDraft>(() => initialDraft(detection));
  const [selected, setSelected] = useState(0);
  const [picking, setPicking] = useState<Picking>(null);
  const [drawing, setDrawing] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = useMutation(REVIEW_DETECTION);
  const objects = detection.objects;
  const selectedObject = objects[selected];

  function judge(verdict: Verdict) {
    if (!selectedObject) return;
    onAct();
    setDraft((d) => withVerdict(d, selectedObject.id, verdict));
    if (verdict === 'WRONG_LABEL') setPicking({ objectId: selectedObject.id });
  }

  function markRestCorrect() {
    onAct();
    setDraft(restCorrect);
  }

  function draw() {
    onAct();
    setDrawing(true);
  }

  async function send() {
    const open = unjudged(draft).length;
    if (open) return setProblem(r.needsVerdict(open));
    if (unlabelled(draft).length) return setProblem(r.needsLabel);
    onAct();
    setProblem(null);
    if (await submit.run({ input: toReviewInput(detection, draft) })) onDone('reviewed');
  }

  function choose(label: LabelFragment) {
    const choice = { key: label.key, zh: label.zh, color: label.color };
    if (picking && 'objectId' in picking)
      setDraft((d) => withVerdict(d, picking.objectId, 'WRONG_LABEL', choice));
    if (picking && 'box' in picking)
      setDraft((d) => ({ ...d, missed: [...d.missed, { label: choice, box: picking.box }] }));
    setPicking(null);
  }

  // Re-registered on every render (no dependency list), so the handler always sees the current draft.
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (picking || event.ctrlKey || event.metaKey || event.altKey) return; // the picker has the keyboard
      if (event.target instanceof HTMLElement && event.target.closest('input, textarea, select')) return;
      const key = event.key.toLowerCase();
      if (key === 'escape') setDrawing(false);
      else if (key === 'arrowdown' || key === 'j') setSelected((i) => Math.min(i + 1, objects.length - 1));
      else if (key === 'arrowup' || key === 'k') setSelected((i) => Math.max(i - 1, 0));
      else if (VERDICT_KEYS[key]) judge(VERDICT_KEYS[key]);
      else if (key === 'a') markRestCorrect();
      else if (key === 'm') draw();
      else if (key === 'n') void send();
      else if (key === 's') onDone('skipped');
      else return;
      event.preventDefault();
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  return (
    <div className={styles.workbench}>
      <div className="stack">
        <div className="row">
          {detection.review.reasons.map((reason) => (
            <span key={reason} className={`badge ${reason === 'FLAGGED' ? 'danger' : 'accent'}`}>
              {r.reasons[reason]}
            </span>
          ))}
          {detection.review.flagReason && <span>{r.flagReason(detection.review.flagReason)}</span>}
          <span className="muted mono">
            {detection.labelSet} v{detection.labelSetVersion} · {detection.model.name}{' '}
            {detection.model.version}
          </span>
        </div>
        <ReviewCanvas
          src={imageUrl(detection.image.sha256)}
          alt={t.detections.objects(objects.length)}
          width={detection.image.width}
          height={detection.image.height}
          objects={shownObjects(detection, draft)}
          selected={selectedObject?.box ?? null}
          missed={draft.missed.map(({ label, box }) => ({ color: label.color, box }))}
          drawing={drawing}
          onDrawn={(box) => {
            setDrawing(false);
            setPicking({ box });
          }}
        />
        {drawing && <p className="notice info">{r.drawHint}</p>}
      </div>

      <aside className="stack">
        {picking && (
          <LabelPicker
            labels={labels}
            title={'objectId' in picking ? r.chooseLabel : r.missed}
            onChoose={choose}
            onCancel={() => setPicking(null)}
          />
        )}
        <h2>{r.objects}</h2>
        {objects.length === 0 && <p className="muted">{r.noObjects}</p>}
        <ol className={styles.objects}>
          {objects.map((object, index) => {
            const { verdict, corrected } = draft.objects[object.id];
            return (
              <li
                key={object.id}
                className={index === selected ? styles.selectedRow : undefined}
                onClick={() => setSelected(index)}
                aria-current={index === selected}
                data-verdict={verdict ?? 'none'}
                data-testid="review-object"
              >
                <span>
                  <span className="swatch" style={{ background: object.label.color }} />
                  {object.label.zh} <span className="muted">{formatPercent(object.score)}</span>
                  {verdict === 'WRONG_LABEL' && corrected && (
                    <strong> · {r.correctedTo(corrected.zh)}</strong>
                  )}
                </span>
                <span className={styles.verdicts} role="group" aria-label={`${object.label.zh} ${index + 1}`}>
                  {(['CORRECT', 'WRONG_LABEL', 'NOT_OBJECT'] as const).map((choice, n) => (
                    <button
                      key={choice}
                      type="button"
                      className="button small"
                      aria-pressed={verdict === choice}
                      title={`${n + 1}`}
                      onClick={(event) => {
                        event.stopPropagation();
                        setSelected(index);
                        onAct();
                        setDraft((d) => withVerdict(d, object.id, choice));
                        if (choice === 'WRONG_LABEL') setPicking({ objectId: object.id });
                      }}
                    >
                      {r.verdicts[choice]}
                    </button>
                  ))}
                </span>
              </li>
            );
          })}
        </ol>

        <h2>{r.missed}</h2>
        <ul className={styles.objects}>
          {draft.missed.map(({ label }, index) => (
            <li key={index}>
              <span>
                <span className="swatch" style={{ background: label.color }} />
                {label.zh}
              </span>
              <button
                type="button"
                className="button small"
                onClick={() => setDraft((d) => ({ ...d, missed: d.missed.filter((_, i) => i !== index) }))}
              >
                {r.remove}
              </button>
            </li>
          ))}
        </ul>
        <button type="button" className="button" onClick={draw} aria-pressed={drawing}>
          {r.addMissed} <kbd>m</kbd>
        </button>

        {problem && (
          <p className="notice error" role="alert">
            {problem}
          </p>
        )}
        {submit.error && <ErrorNotice failure={submit.error} />}
        <div className="row">
          <button type="button" className="button" onClick={markRestCorrect} disabled={submit.pending}>
            {r.markAllCorrect} <kbd>a</kbd>
          </button>
          <button
            type="button"
            className="button primary"
            onClick={() => void send()}
            disabled={submit.pending}
          >
            {r.submit} <kbd>n</kbd>
          </button>
          <button
            type="button"
            className="button"
            onClick={() => onDone('skipped')}
            disabled={submit.pending}
          >
            {r.skip} <kbd>s</kbd>
          </button>
        </div>
        <details className="muted">
          <summary>{r.shortcuts}</summary>
          <dl className={styles.shortcuts}>
            {r.shortcutList.map(([keys, what]) => (
              <div key={keys}>
                <dt>
                  <kbd>{keys}</kbd>
                </dt>
                <dd>{what}</dd>
              </div>
            ))}
          </dl>
        </details>
      </aside>
    </div>
  );
}
