// POST /v1/detect's query parameters → the detect mutation's DetectInput (without the photo, which is the body).
// Names follow the mutation, with the short `size` the article's serve.py users know; enum values in any case.
import { InputError } from '../services/errors';

type Kind = 'string' | 'int' | 'float' | 'boolean' | 'enum' | 'list';

const PARAMETERS: Record<string, { field: string; kind: Kind }> = {
  model: { field: 'model', kind: 'string' },
  precision: { field: 'precision', kind: 'enum' },
  size: { field: 'inputSize', kind: 'int' },
  inputSize: { field: 'inputSize', kind: 'int' },
  minScore: { field: 'minScore', kind: 'float' },
  maxObjects: { field: 'maxObjects', kind: 'int' },
  labelSet: { field: 'labelSet', kind: 'string' },
  labels: { field: 'labels', kind: 'list' },
  nms: { field: 'nms', kind: 'enum' },
  timeoutMs: { field: 'timeoutMs', kind: 'int' },
  sampleForReview: { field: 'sampleForReview', kind: 'boolean' },
};

const NUMBER = /^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

function convert(name: string, kind: Kind, values: string[]): unknown {
  const value = values.at(-1) ?? '';
  const bad = (expected: string) =>
    new InputError(`Query parameter ${name} must be ${expected}, got "${value.slice(0, 40)}"`, {
      field: name,
    });
  switch (kind) {
    case 'string':
      return value;
    case 'enum':
      return value.toUpperCase().replace(/-/g, '_');
    case 'list':
      // labels=狗,猫 or labels=狗&labels=猫
      return values
        .flatMap((v) => v.split(','))
        .map((v) => v.trim())
        .filter(Boolean);
    case 'boolean':
      if (value === 'true' || value === '1') return true;
      if (value === 'false' || value === '0') return false;
      throw bad('true or false');
    case 'int':
      if (!/^-?\d+$/.test(value)) throw bad('an integer');
      return Number(value);
    case 'float':
      if (!NUMBER.test(value)) throw bad('a number');
      return Number(value);
  }
}

/** The DetectInput fields the parameters give; an unknown parameter is an error (a typo would pass silently). */
export function detectInputFromQuery(params: URLSearchParams): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const name of new Set(params.keys())) {
    const parameter = PARAMETERS[name];
    if (!parameter) {
      throw new InputError(`Unknown query parameter ${name}; known: ${Object.keys(PARAMETERS).join(', ')}`, {
        field: name,
      });
    }
    input[parameter.field] = convert(name, parameter.kind, params.getAll(name));
  }
  return input;
}
