// Which family reads an imported graph: the one the admin named, or (auto) the only one whose recognition
// accepts its outputs, with the evidence in one sentence the CLI prints and the mutation returns.
import type { DecoderSpec } from '../../../models/src/repository/manifest';
import { FAMILIES, findFamily, type DetectorFamily, type GraphFacts } from '../../../sdk/src/decoders';
import { ImportRejection } from './rejection';

export interface FamilyChoice {
  family: DetectorFamily;
  spec: DecoderSpec;
  /** Classes the declared output shapes imply, when they do. */
  classCount: number | undefined;
  decision: string;
}

export const AUTO = 'auto';

export function chooseFamily(graph: GraphFacts, requested: string = AUTO): FamilyChoice {
  const { task } = graph.metadata;
  if (task !== undefined && task !== 'detect')
    throw new ImportRejection(
      'UNSUPPORTED_TASK',
      `The metadata says task=${task}; only detection models (task=detect) import`,
    );
  const evidence = metadataEvidence(graph.metadata);
  if (requested !== AUTO) {
    const family = findFamily(requested);
    if (!family) throw new ImportRejection('UNSUPPORTED_OUTPUT_SHAPE', `No model family "${requested}"`);
    const recognition = family.recognise(graph);
    if (!recognition.ok)
      throw new ImportRejection(
        'UNSUPPORTED_OUTPUT_SHAPE',
        `Family ${family.family} cannot read this model: it ${recognition.why}`,
        {
          family: family.family,
        },
      );
    const { spec, classCount, why } = recognition;
    return { family, spec, classCount, decision: `${family.family}, as asked: ${why}${evidence}` };
  }
  const results = FAMILIES.map((family) => ({ family, recognition: family.recognise(graph) }));
  const fits = results.flatMap(({ family, recognition }) =>
    recognition.ok ? [{ family, ...recognition }] : [],
  );
  // [B, 6, 6] fits both YOLO layouts; the exporter's own flag settles it.
  const end2end = /^true$/i.test(graph.metadata.end2end ?? '');
  const chosen = fits.length > 1 && end2end ? fits.filter((f) => f.family.family === 'yolo-end2end') : fits;
  if (chosen.length === 1) {
    const [{ family, spec, classCount, why }] = chosen;
    return { family, spec, classCount, decision: `${family.family} (auto): ${why}${evidence}` };
  }
  if (chosen.length > 1)
    throw new ImportRejection(
      'AMBIGUOUS_FAMILY',
      `Families ${chosen.map((f) => f.family.family).join(' and ')} both read these outputs; choose one with family`,
    );
  const whys = results.map(({ family, recognition }) => `${family.family}: it ${recognition.why}`);
  throw new ImportRejection(
    'UNSUPPORTED_OUTPUT_SHAPE',
    `No model family reads these outputs (${whys.join('; ')})`,
    {
      outputs: graph.outputs,
    },
  );
}

function metadataEvidence(metadata: Record<string, string>): string {
  const facts = ['task', 'imgsz', 'stride', 'end2end']
    .filter((key) => metadata[key] !== undefined)
    .map((key) => `${key}=${metadata[key]}`);
  const producer = metadata.author ?? (metadata.names !== undefined ? 'the exporter' : undefined);
  return facts.length ? `; metadata from ${producer ?? 'the file'}: ${facts.join(', ')}` : '';
}
