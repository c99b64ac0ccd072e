// A reviewer's work on one detection before it is submitted: a verdict per object (none to start with: a verdict
// is a reviewer's decision, never a default, so a stray key records nothing; "rest are correct" is one key),
// corrected labels and missed boxes. Pure, so the keyboard handlers and the overlay share one model.
import type {
  BoxFragment,
  ReviewDetectionInput,
  DetectedObjectFragment,
  LabelFragment,
  ReviewableDetectionFragment,
  Verdict,
} from '@/lib/graphql/generated/graphql';

export type LabelChoice = Pick<LabelFragment, 'key' | 'zh' | 'color'>;

export interface ObjectDraft {
  /** null: not judged yet. */
  verdict: Verdict | null;
  /** The right label, once chosen, for WRONG_LABEL. */
  corrected: LabelChoice | null;
}

export interface ReviewDraft {
  objects: Record<string, ObjectDraft>;
  missed: { label: LabelChoice; box: BoxFragment }[];
}

const FALSE_ALARM_COLOUR = '#9ca3af';

export function initialDraft(detection: ReviewableDetectionFragment): ReviewDraft {
  return {
    objects: Object.fromEntries(
      detection.objects.map((object) => [
        object.id,
        { verdict: object.review?.verdict ?? null, corrected: object.review?.correctedLabel ?? null },
      ]),
    ),
    missed: detection.review.missed,
  };
}

export function withVerdict(
  draft: ReviewDraft,
  objectId: string,
  verdict: Verdict,
  corrected: LabelChoice | null = null,
) {
  return { ...draft, objects: { ...draft.objects, [objectId]: { verdict, corrected } } };
}

/** Objects without a verdict yet. */
export function unjudged(draft: ReviewDraft): string[] {
  return Object.entries(draft.objects)
    .filter(([, object]) => object.verdict === null)
    .map(([id]) => id);
}

/** The reviewer's explicit "the rest are right": every object not judged yet becomes CORRECT. */
export function restCorrect(draft: ReviewDraft): ReviewDraft {
  const objects = Object.fromEntries(
    Object.entries(draft.objects).map(([id, o]) => [
      id,
      o.verdict === null ? { ...o, verdict: 'CORRECT' as const } : o,
    ]),
  );
  return { ...draft, objects };
}

/** Objects marked WRONG_LABEL that still need the right label. */
export function unlabelled(draft: ReviewDraft): string[] {
  return Object.entries(draft.objects)
    .filter(([, object]) => object.verdict === 'WRONG_LABEL' && !object.corrected)
    .map(([id]) => id);
}

/** Only for a draft with a verdict on every object (see unjudged). */
export function toReviewInput(
  detection: ReviewableDetectionFragment,
  draft: ReviewDraft,
): ReviewDetectionInput {
  return {
    detectionId: detection.id,
    objects: detection.objects.map(({ id }) => {
      const { verdict, corrected } = draft.objects[id];
      if (verdict === null) throw new Error(`object ${id} has no verdict`);
      return verdict === 'WRONG_LABEL'
        ? { objectId: id, verdict, correctedLabel: corrected?.key }
        : { objectId: id, verdict };
    }),
    missed: draft.missed.map(({ label, box }) => ({ label: label.key, box })),
  };
}

/** The boxes as the draft says: relabelled ones in the new label's colour, false alarms greyed and crossed. */
export function shownObjects(
  detection: ReviewableDetectionFragment,
  draft: ReviewDraft,
): DetectedObjectFragment[] {
  return detection.objects.map((object) => {
    const { verdict, corrected } = draft.objects[object.id];
    if (verdict === 'NOT_OBJECT')
      return { ...object, label: { ...object.label, zh: `✕ ${object.label.zh}`, color: FALSE_ALARM_COLOUR } };
    if (verdict === 'WRONG_LABEL') {
      const shown = corrected ?? { zh: '?', color: object.label.color };
      return {
        ...object,
        label: { ...object.label, zh: `${object.label.zh}→${shown.zh}`, color: shown.color },
      };
    }
    return object;
  });
}
