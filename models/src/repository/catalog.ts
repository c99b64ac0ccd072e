// Every model version the repository holds. The manifests are written from here: an artifact not listed here is
// not in its manifest (add a recipe rather than editing a manifest by hand).
import { NANODET } from './nanodet';
import type { ModelRecipe } from './recipe';

export const MODEL_CATALOG: readonly ModelRecipe[] = [NANODET];
