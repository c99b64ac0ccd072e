// An admin may point a benchmark at another evaluation set, but only inside the configured roots
// (WANSHI_EVAL_ROOTS): the runner reads those files, and its errors are shown to reviewers. A path outside
// gets the same answer whether or not it exists, so the check cannot probe the server's files either.
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import type { EvaluationSet } from '../config';
import { InputError } from '../services/errors';

function inside(file: string, root: string): boolean {
  const relative = path.relative(root, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

async function confined(given: string, roots: string[], field: keyof EvaluationSet): Promise<string> {
  const outside = new InputError(
    `${field} must be inside one of the evaluation roots (WANSHI_EVAL_ROOTS): ${roots.join(', ') || 'none set'}`,
    { field },
  );
  const resolved = path.resolve(given);
  if (!roots.some((root) => inside(resolved, root))) throw outside;
  // Following links only now: a link inside a root that leads out of it is outside too.
  const real = await realpath(resolved).catch(() => {
    throw new InputError(`${field} does not exist`, { field });
  });
  const realRoots = await Promise.all(roots.map((root) => realpath(root).catch(() => root)));
  if (!realRoots.some((root) => inside(real, root))) throw outside;
  return real;
}

/** The set with both paths resolved, or bad input when either lies outside the roots. */
export async function confineEvaluationSet(set: EvaluationSet, roots: string[]): Promise<EvaluationSet> {
  return {
    imagesDir: await confined(set.imagesDir, roots, 'imagesDir'),
    annotationsFile: await confined(set.annotationsFile, roots, 'annotationsFile'),
  };
}
