// Command-line options shared by detect and eval, checked once so each CLI gets typed values.
import path from 'node:path';
import { PRECISIONS, type Precision } from '../../../models/src/repository/manifest';
import { DEFAULT_MODEL, type ModelChoice } from './open-detector';

/** parseArgs option definitions for choosing the model version and precision. */
export const MODEL_VERSION_OPTIONS = {
  model: { type: 'string', default: DEFAULT_MODEL },
  version: { type: 'string' },
  precision: { type: 'string' },
} as const;

/** ... and the input size: together they pick one artifact. */
export const MODEL_OPTIONS = { ...MODEL_VERSION_OPTIONS, size: { type: 'string' } } as const;

export function modelChoice(values: {
  model: string;
  version?: string;
  size?: string;
  precision?: string;
}): ModelChoice {
  return {
    model: values.model,
    version: values.version,
    inputSize: values.size === undefined ? undefined : positiveInteger('--size', values.size),
    precision: values.precision === undefined ? undefined : precision(values.precision),
  };
}

export function positiveInteger(flag: string, text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value <= 0)
    throw new UsageError(`${flag} wants a positive integer, got "${text}"`);
  return value;
}

export function scoreThreshold(flag: string, text: string): number {
  const value = Number(text);
  if (!(value >= 0 && value <= 1)) throw new UsageError(`${flag} wants a number from 0 to 1, got "${text}"`);
  return value;
}

function precision(text: string): Precision {
  if (!(PRECISIONS as readonly string[]).includes(text)) {
    throw new UsageError(`--precision wants one of ${PRECISIONS.join(', ')}, got "${text}"`);
  }
  return text as Precision;
}

/**
 * A path argument as the user meant it: `npm run` moves to the package folder before running the script and
 * records the user's own folder in INIT_CWD (npm's invocation context, not configuration).
 */
export function userPath(file: string): string {
  return path.resolve(process.env.INIT_CWD ?? process.cwd(), file);
}

/** A mistake in how the command was called: printed with the usage text, exit code 2. */
export class UsageError extends Error {}
