// Which label set a page shows when the address names none: the one the serving model answers with, not the
// first by key (a preset such as coarse5 sorts before coco80).
import { MODEL_VERSIONS } from '../graphql/documents/models';
import { tryQuery } from '../graphql/server';
import type { LabelSetSummaryFragment } from '../graphql/generated/graphql';

export async function chooseLabelSet(
  summaries: readonly LabelSetSummaryFragment[],
  wanted: string | undefined,
): Promise<LabelSetSummaryFragment | undefined> {
  const named = summaries.find((summary) => summary.key === wanted);
  if (named) return named;
  const models = await tryQuery(MODEL_VERSIONS);
  const served = models.data?.modelVersions.find((v) => v.active)?.labelSet;
  return summaries.find((summary) => summary.key === served) ?? summaries[0];
}
