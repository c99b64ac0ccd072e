// Which Chinese names `npm run detect` prints: the label set's latest published version in the server's database
// when there is one (DATABASE_URL, or an embedded database already in the data directory), so the CLI says what
// the API says (人→行人 once published); the built-in names when there is no database.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config';
import { openDatabase } from '../db';
import { pgliteDir } from '../db/pglite';
import { labelsForClasses, type Label, type LabelCategory } from '../labels';
import { LabelService } from '../services/labels';
import { NotFoundError } from '../services/errors';
import { UsageError } from './options';

export interface CliLabels {
  /** By class index. */
  labels: Label[];
  /** By class index: classes the label set switched off are not printed. */
  enabled: boolean[];
  /** e.g. `coco80 v2 (database)` or `coco80 (built in)`, for --json and messages. */
  source: string;
}

interface ModelClasses {
  labelSet: string;
  classes: readonly string[];
}

export function hasDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>): boolean {
  return config.databaseUrl !== undefined || existsSync(path.join(pgliteDir(config.dataDir), 'PG_VERSION'));
}

/** `requested` (--label-set) must exist; without it, any problem reading the database falls back to built-in. */
export async function servedLabels(
  config: Pick<Config, 'databaseUrl' | 'dataDir'>,
  model: ModelClasses,
  requested: string | undefined,
  warn: (message: string) => void,
): Promise<CliLabels> {
  const builtIn = (): CliLabels => ({
    labels: labelsForClasses(model.labelSet, model.classes),
    enabled: model.classes.map(() => true),
    source: `${model.labelSet} (built in)`,
  });
  if (!hasDatabase(config)) {
    if (requested)
      throw new UsageError(
        `--label-set ${requested}: no database here (set DATABASE_URL or WANSHI_DATA_DIR)`,
      );
    return builtIn();
  }
  const db = await openDatabase(config).catch((error: unknown) => {
    if (requested) throw error;
    // Typically the embedded database is held by a running server (it cannot be shared).
    warn(
      `label set: database not readable (${error instanceof Error ? error.message : String(error)}); using built-in names`,
    );
    return undefined;
  });
  if (!db) return builtIn();
  try {
    const key = requested ?? model.labelSet;
    const map = await new LabelService(db.prisma).resolveLabelMap(key);
    const fallback = labelsForClasses(model.labelSet, model.classes);
    return {
      labels: model.classes.map((name, i) => {
        const label = map.labels.get(name);
        return label ? { ...label, category: label.category as LabelCategory } : fallback[i];
      }),
      enabled: model.classes.map((name) => map.labels.get(name)?.enabled ?? true),
      source: `${map.labelSet} v${map.version} (database)`,
    };
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    if (requested) throw new UsageError(`--label-set ${requested}: ${error.message}`);
    return builtIn(); // a database the server never seeded
  } finally {
    await db.close();
  }
}
