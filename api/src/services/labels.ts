// Label sets and their versions. Each set has published versions 1, 2, 3 … that never change (detections record
// the version they used) and at most one draft, which admins edit and then publish as the next version.
import { z } from 'zod';
import type { Principal } from '../auth/roles';
import type { Db, Label as LabelRow, Prisma, PrismaClient } from '../db/client';
import { COARSE5 } from '../labels/coarse5';
import { COCO_ZH } from '../labels/coco-zh';
import { nameClasses, type NameSource } from '../labels/naming/name-classes';
import { pinyinOf } from '../labels/naming/pinyin';
import { recordAudit } from './audit';
import { requireRole } from './authorization';
import { BriefCache } from './brief-cache';
import { ConflictError, InputError, NotFoundError } from './errors';
import { isUniqueViolation } from './prisma-errors';
import { parseInput } from './validation';

/** In the database the draft is version 0 (so the unique (set, version) pair allows one); callers see null. */
const DRAFT = 0;

export interface LabelView {
  key: string;
  zh: string;
  aliases: string[];
  pinyin: string;
  category: string;
  color: string;
  enabled: boolean;
  minScore: number | null;
  /** Where zh came from; `untranslated` means zh is still the English key. */
  nameSource: NameSource;
  /** Model classes this label covers; empty: the class named `key`. */
  classes: string[];
  /** Also covers the classes of these categories (fine or coarse). */
  categories: string[];
}

export interface LabelSetVersionView {
  id: string;
  labelSet: string;
  /** null for the draft */
  version: number | null;
  status: 'DRAFT' | 'PUBLISHED';
  note: string;
  publishedAt: Date | null;
  labels: LabelView[];
}

export interface LabelSetSummary {
  key: string;
  name: string;
  description: string;
  latestVersion: number | null;
  hasDraft: boolean;
}

export interface LabelChange {
  key: string;
  change: 'ADDED' | 'REMOVED' | 'CHANGED';
  before: LabelView | null;
  after: LabelView | null;
}

/** The labels a detection uses: always a published, hence frozen, version. */
export interface LabelMap {
  labelSetVersionId: string;
  labelSet: string;
  version: number;
  labels: ReadonlyMap<string, LabelView>;
}

/** Label sets built into Wanshi, seeded as version 1 on first start (and on later starts when missing). */
export const BUILT_IN_LABEL_SETS = [
  {
    key: COCO_ZH.key,
    name: 'COCO 80 类',
    description: 'The 80 COCO classes with Chinese names, aliases, pinyin, categories and colours',
    labels: COCO_ZH.labels.map((l) => ({
      ...l,
      nameSource: 'curated' as const,
      classes: [],
      categories: [],
    })),
  },
  COARSE5,
];

const setKeySchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'lower-case letters, digits, _ and -, up to 64');
const text = (max: number) => z.string().trim().max(max);

const classKey = text(64).min(1);

const labelFields = {
  zh: text(32).min(1),
  aliases: z.array(text(32).min(1)).max(20),
  category: text(32),
  color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, '#rrggbb')
    .transform((c) => c.toLowerCase()),
  enabled: z.boolean(),
  minScore: z.number().min(0).max(1).nullable(),
  classes: z.array(classKey).max(1000),
  categories: z.array(text(32).min(1)).max(32),
};

/** A new label; what is left out (name, category, colour) is filled in by the naming module from its key. */
const newLabelSchema = z.object({
  key: classKey,
  ...labelFields,
  zh: labelFields.zh.optional(),
  aliases: labelFields.aliases.optional(),
  category: labelFields.category.optional(),
  color: labelFields.color.optional(),
  enabled: labelFields.enabled.default(true),
  minScore: labelFields.minScore.default(null),
  classes: labelFields.classes.default([]),
  categories: labelFields.categories.default([]),
});
export type NewLabelInput = z.input<typeof newLabelSchema>;

const labelPatchSchema = z.object(labelFields).partial().strict();
export type LabelPatch = z.input<typeof labelPatchSchema>;

const newSetSchema = z.object({
  key: setKeySchema,
  name: text(100).min(1),
  description: text(500).default(''),
});
/** A set named automatically from model class keys (e.g. an imported model's), published as version 1 or kept as a draft. */
const namedSetSchema = newSetSchema.extend({
  classes: z
    .array(classKey)
    .min(1)
    .max(5000)
    .refine((keys) => new Set(keys).size === keys.length, 'class keys must be distinct'),
  publish: z.boolean().default(false),
});
export type NewLabelSetInput = z.input<typeof newSetSchema> & {
  /** Class keys to name (Chinese, pinyin, category, colour, name source) as the set's labels. */
  classes?: string[];
  /** Publish the named labels as version 1 at once (a model can then serve with them); default: a draft. */
  publish?: boolean;
};

export interface CloneLabelSetInput extends NewLabelSetInput {
  /** Key of the set to copy. */
  from: string;
  /** Published version to copy; default the latest. */
  fromVersion?: number;
}

const labelOrder = { orderBy: { position: 'asc' } } as const;
type VersionWithLabels = Prisma.LabelSetVersionGetPayload<{ include: { labels: true; labelSet: true } }>;

export class LabelService {
  /** Published versions never change, so their label maps are cached for the life of the process. */
  private readonly publishedMaps = new Map<string, LabelMap>();
  /** resolveLabelMap by set key and version ('latest' when none is given): every detect asks. */
  private readonly resolved = new BriefCache<LabelMap>();

  constructor(private readonly prisma: PrismaClient) {}

  /**
   * Creates the built-in label sets that do not exist yet, each as published version 1, and re-derives pinyin
   * that no longer follows its label's name (saved before the server derived it: stale after a rename, or
   * empty). Pinyin only serves search and is not part of any detection's record. Idempotent.
   */
  async seedBuiltIn(): Promise<void> {
    await this.seedMissingSets();
    const rows = await this.prisma.label.findMany({ select: { id: true, zh: true, pinyin: true } });
    for (const row of rows) {
      const pinyin = pinyinOf(row.zh);
      if (pinyin !== row.pinyin) await this.prisma.label.update({ where: { id: row.id }, data: { pinyin } });
    }
  }

  private async seedMissingSets(): Promise<void> {
    for (const set of BUILT_IN_LABEL_SETS) {
      if (await this.prisma.labelSet.findUnique({ where: { key: set.key } })) continue;
      try {
        await this.prisma.labelSet.create({
          data: {
            key: set.key,
            name: set.name,
            description: set.description,
            versions: {
              create: {
                version: 1,
                note: 'Built in',
                publishedAt: new Date(),
                labels: { create: set.labels.map((label, position) => ({ ...label, position })) },
              },
            },
          },
        });
      } catch (error) {
        if (!isUniqueViolation(error)) throw error; // else another process seeded it first
      }
    }
  }

  async listLabelSets(): Promise<LabelSetSummary[]> {
    const sets = await this.prisma.labelSet.findMany({
      orderBy: { key: 'asc' },
      include: { versions: { select: { version: true } } },
    });
    return sets.map((set) => {
      const published = set.versions.map((v) => v.version).filter((v) => v !== DRAFT);
      return {
        key: set.key,
        name: set.name,
        description: set.description,
        latestVersion: published.length ? Math.max(...published) : null,
        hasDraft: published.length < set.versions.length,
      };
    });
  }

  /** A version of a set: a number, 'draft', or by default the latest published version. */
  async getVersion(key: string, version?: number | 'draft'): Promise<LabelSetVersionView> {
    const row = await this.prisma.labelSetVersion.findFirst({
      where: { labelSet: { key }, ...versionWhere(version) },
      orderBy: { version: 'desc' },
      include: { labels: labelOrder, labelSet: true },
    });
    if (!row) throw new NotFoundError(`Label set ${key} has no ${describeVersion(version)}`);
    return toVersionView(row);
  }

  /** The published label map a detection uses: the given version or the latest. */
  resolveLabelMap(key: string, version?: number): Promise<LabelMap> {
    return this.resolved.get(`${key}@${version ?? 'latest'}`, () => this.loadLabelMap(key, version));
  }

  private async loadLabelMap(key: string, version?: number): Promise<LabelMap> {
    const row = await this.prisma.labelSetVersion.findFirst({
      where: { labelSet: { key }, ...versionWhere(version) },
      orderBy: { version: 'desc' },
      select: { id: true },
    });
    if (!row) throw new NotFoundError(`Label set ${key} has no ${describeVersion(version)}`);
    let map = this.publishedMaps.get(row.id);
    if (!map) {
      const view = await this.getVersionById(row.id);
      map = {
        labelSetVersionId: row.id,
        labelSet: view.labelSet,
        version: view.version!,
        labels: new Map(view.labels.map((l) => [l.key, l])),
      };
      this.publishedMaps.set(row.id, map);
    }
    return map;
  }

  /**
   * A new set. Given class keys, each becomes a label named automatically (curated lists, then the dictionary;
   * unmatched ones `untranslated`), as a draft or, with `publish`, as version 1; without, the set is empty and
   * its labels are added to its draft, then published.
   */
  async createLabelSet(actor: Principal | null, input: NewLabelSetInput): Promise<LabelSetSummary> {
    requireRole(actor, 'admin');
    if (input.classes === undefined) {
      return this.createSet(actor, parseInput(newSetSchema, input), [], { action: 'labelSet.create' });
    }
    const { classes, publish, ...set } = parseInput(namedSetSchema, input);
    const labels = namedLabels(classes);
    return this.createSet(actor, set, labels, { action: 'labelSet.create' }, publish);
  }

  /** A new set whose draft starts as a copy of another set's published version. */
  async cloneLabelSet(actor: Principal | null, input: CloneLabelSetInput): Promise<LabelSetSummary> {
    requireRole(actor, 'admin');
    const data = parseInput(newSetSchema, input);
    const source = await this.getVersion(input.from, input.fromVersion);
    return this.createSet(actor, data, source.labels, {
      action: 'labelSet.clone',
      before: { labelSet: source.labelSet, version: source.version },
    });
  }

  /**
   * Creates a set of these model classes, named automatically, as published version 1 inside the caller's
   * transaction (a model import registers its model and its label set together, or neither).
   */
  async createPublishedSet(
    tx: Prisma.TransactionClient,
    actor: Principal | null,
    input: NewLabelSetInput & { classes: readonly string[]; note: string },
  ): Promise<LabelSetSummary> {
    requireRole(actor, 'admin');
    const set = parseInput(newSetSchema, {
      key: input.key,
      name: input.name,
      description: input.description,
    });
    const summary = await this.writeSet(
      tx,
      actor,
      set,
      namedLabels(input.classes),
      { action: 'labelSet.create' },
      input.note,
    );
    this.resolved.clear();
    return summary;
  }

  async addDraftLabel(actor: Principal | null, setKey: string, input: NewLabelInput): Promise<LabelView> {
    requireRole(actor, 'admin');
    const label = completeLabel(parseInput(newLabelSchema, input));
    return this.editDraft(setKey, async (tx, draftId) => {
      const position = await tx.label.count({ where: { labelSetVersionId: draftId } });
      if (
        await tx.label.findUnique({
          where: { labelSetVersionId_key: { labelSetVersionId: draftId, key: label.key } },
        })
      ) {
        throw new ConflictError(`Label set ${setKey} already has a label ${label.key}`);
      }
      const created = toLabelView(
        await tx.label.create({ data: { ...label, position, labelSetVersionId: draftId } }),
      );
      await recordAudit(tx, actor, {
        action: 'label.add',
        entity: labelEntity(setKey, label.key),
        after: created,
      });
      return created;
    });
  }

  /** Changes a label in the set's draft, creating the draft from the latest published version if there is none. */
  async updateDraftLabel(
    actor: Principal | null,
    setKey: string,
    labelKey: string,
    patch: LabelPatch,
  ): Promise<LabelView> {
    requireRole(actor, 'admin');
    const changes = parseInput(labelPatchSchema, patch);
    return this.editDraft(setKey, async (tx, draftId) => {
      const where = { labelSetVersionId_key: { labelSetVersionId: draftId, key: labelKey } };
      const current = await tx.label.findUnique({ where });
      if (!current) throw new NotFoundError(`Label set ${setKey} has no label ${labelKey}`);
      // A name an admin saved is the admin's (checked), and its pinyin follows it.
      const named =
        changes.zh === undefined ? {} : { pinyin: pinyinOf(changes.zh), nameSource: 'admin' as const };
      const updated = toLabelView(await tx.label.update({ where, data: { ...changes, ...named } }));
      await recordAudit(tx, actor, {
        action: 'label.update',
        entity: labelEntity(setKey, labelKey),
        before: toLabelView(current),
        after: updated,
      });
      return updated;
    });
  }

  /** How the draft differs from the latest published version (everything is ADDED if none is published). */
  async diffDraft(key: string): Promise<LabelChange[]> {
    const draft = await this.getVersion(key, 'draft');
    const published = await this.latestPublishedLabels(this.prisma, key);
    return diffLabels(published, draft.labels);
  }

  /** Freezes the draft as the next version number. */
  async publishDraft(actor: Principal | null, key: string, note = ''): Promise<LabelSetVersionView> {
    requireRole(actor, 'admin');
    const published = await this.prisma.$transaction(async (tx) => {
      const set = await lockSet(tx, key);
      const draft = await tx.labelSetVersion.findUnique({
        where: { labelSetId_version: { labelSetId: set.id, version: DRAFT } },
        include: { labels: labelOrder },
      });
      if (!draft) throw new InputError(`Label set ${key} has no draft to publish`);
      if (draft.labels.length === 0) throw new InputError(`The draft of ${key} has no labels`);
      const changes = diffLabels(await this.latestPublishedLabels(tx, key), draft.labels.map(toLabelView));
      if (changes.length === 0)
        throw new InputError(`The draft of ${key} does not differ from its latest version`);
      const latest = await tx.labelSetVersion.aggregate({
        where: { labelSetId: set.id },
        _max: { version: true },
      });
      const version = (latest._max.version ?? 0) + 1;
      const published = await tx.labelSetVersion.update({
        where: { id: draft.id },
        data: { version, note, publishedAt: new Date() },
        include: { labels: labelOrder, labelSet: true },
      });
      await recordAudit(tx, actor, {
        action: 'labelSet.publish',
        entity: `labelSet:${key}`,
        after: { version, note, changes },
      });
      return toVersionView(published);
    });
    this.resolved.clear(); // the latest version changed
    return published;
  }

  /** Another replica published or changed a label set (the change feed). */
  forgetCached(): void {
    this.resolved.clear();
  }

  private async getVersionById(id: string): Promise<LabelSetVersionView> {
    const row = await this.prisma.labelSetVersion.findUniqueOrThrow({
      where: { id },
      include: { labels: labelOrder, labelSet: true },
    });
    return toVersionView(row);
  }

  private async latestPublishedLabels(db: Db, key: string): Promise<LabelView[]> {
    const latest = await db.labelSetVersion.findFirst({
      where: { labelSet: { key }, version: { gt: DRAFT } },
      orderBy: { version: 'desc' },
      include: { labels: labelOrder },
    });
    return latest?.labels.map(toLabelView) ?? [];
  }

  private async createSet(
    actor: Principal | null,
    set: z.output<typeof newSetSchema>,
    labels: LabelView[],
    audit: { action: string; before?: unknown },
    publish = false,
  ): Promise<LabelSetSummary> {
    try {
      return await this.prisma.$transaction((tx) =>
        this.writeSet(tx, actor, set, labels, audit, publish ? 'Named automatically' : undefined),
      );
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError(`Label set ${set.key} already exists`);
      throw error;
    }
  }

  /** Writes a new set with these labels: published as version 1 with `publishNote`, else as its draft. */
  private async writeSet(
    tx: Prisma.TransactionClient,
    actor: Principal | null,
    set: z.output<typeof newSetSchema>,
    labels: LabelView[],
    audit: { action: string; before?: unknown },
    publishNote?: string,
  ): Promise<LabelSetSummary> {
    const publish = publishNote !== undefined;
    await tx.labelSet.create({
      data: {
        ...set,
        versions: {
          create: {
            ...(publish ? { version: 1, note: publishNote, publishedAt: new Date() } : { version: DRAFT }),
            labels: { create: labels.map((label, position) => ({ ...label, position })) },
          },
        },
      },
    });
    const summary: LabelSetSummary = { ...set, latestVersion: publish ? 1 : null, hasDraft: !publish };
    await recordAudit(tx, actor, { ...audit, entity: `labelSet:${set.key}`, after: summary });
    return summary;
  }

  /**
   * Runs a draft edit in a transaction holding the set's row lock (edits and publishes of one set take turns),
   * creating the draft as a copy of the latest published version first if there is none.
   */
  private editDraft<T>(setKey: string, edit: (tx: Prisma.TransactionClient, draftId: string) => Promise<T>) {
    return this.prisma.$transaction(async (tx) => {
      const set = await lockSet(tx, setKey);
      const existing = await tx.labelSetVersion.findUnique({
        where: { labelSetId_version: { labelSetId: set.id, version: DRAFT } },
        select: { id: true },
      });
      const draftId = existing?.id ?? (await this.createDraft(tx, set.id, setKey));
      return edit(tx, draftId);
    });
  }

  private async createDraft(
    tx: Prisma.TransactionClient,
    labelSetId: string,
    setKey: string,
  ): Promise<string> {
    const labels = await this.latestPublishedLabels(tx, setKey);
    const draft = await tx.labelSetVersion.create({
      data: {
        labelSetId,
        version: DRAFT,
        labels: { create: labels.map((label, position) => ({ ...label, position })) },
      },
    });
    return draft.id;
  }
}

async function lockSet(tx: Prisma.TransactionClient, key: string): Promise<{ id: string }> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM label_sets WHERE key = ${key} FOR UPDATE`;
  if (!rows[0]) throw new NotFoundError(`No label set ${key}`);
  return rows[0];
}

function versionWhere(version: number | 'draft' | undefined): Prisma.LabelSetVersionWhereInput {
  if (version === 'draft') return { version: DRAFT };
  if (version === undefined) return { version: { gt: DRAFT } };
  if (!Number.isInteger(version) || version < 1) throw new InputError('version must be a positive integer');
  return { version };
}

function describeVersion(version: number | 'draft' | undefined): string {
  if (version === 'draft') return 'draft';
  return version === undefined ? 'published version' : `version ${version}`;
}

function labelEntity(setKey: string, labelKey: string): string {
  return `label:${setKey}/${labelKey}`;
}

function toLabelView(row: LabelRow): LabelView {
  const { key, zh, aliases, pinyin, category, color, enabled, minScore, nameSource, classes, categories } =
    row;
  return { key, zh, aliases, pinyin, category, color, enabled, minScore, nameSource, classes, categories };
}

const LABEL_DEFAULTS = { enabled: true, minScore: null, classes: [], categories: [] };

/**
 * Labels for model class keys, in their order, named automatically (Chinese, pinyin, category, colour, name
 * source); for callers that write a label set in a transaction of their own.
 */
export function namedLabels(classKeys: readonly string[]): LabelView[] {
  return nameClasses(classKeys).map((named) => ({ ...named, ...LABEL_DEFAULTS }));
}

/** A new label with what the admin left out filled in from its key; pinyin always follows the name. */
function completeLabel(input: z.output<typeof newLabelSchema>): LabelView {
  const named = nameClasses([input.key])[0];
  const zh = input.zh ?? named.zh;
  return {
    ...input,
    zh,
    aliases: input.aliases ?? (input.zh === undefined ? named.aliases : []),
    pinyin: pinyinOf(zh),
    category: input.category ?? named.category,
    color: input.color ?? named.color,
    nameSource: input.zh === undefined ? named.nameSource : 'admin',
  };
}

function toVersionView(row: VersionWithLabels): LabelSetVersionView {
  const isDraft = row.version === DRAFT;
  return {
    id: row.id,
    labelSet: row.labelSet.key,
    version: isDraft ? null : row.version,
    status: isDraft ? 'DRAFT' : 'PUBLISHED',
    note: row.note,
    publishedAt: row.publishedAt,
    labels: row.labels.map(toLabelView),
  };
}

const LABEL_FIELDS = [
  'zh',
  'aliases',
  'pinyin',
  'category',
  'color',
  'enabled',
  'minScore',
  'nameSource',
  'classes',
  'categories',
] as const;

function sameLabel(a: LabelView, b: LabelView): boolean {
  return LABEL_FIELDS.every((field) => JSON.stringify(a[field]) === JSON.stringify(b[field]));
}

function diffLabels(before: LabelView[], after: LabelView[]): LabelChange[] {
  const old = new Map(before.map((l) => [l.key, l]));
  const current = new Map(after.map((l) => [l.key, l]));
  const changes: LabelChange[] = [];
  for (const label of after) {
    const previous = old.get(label.key);
    if (!previous) changes.push({ key: label.key, change: 'ADDED', before: null, after: label });
    else if (!sameLabel(previous, label))
      changes.push({ key: label.key, change: 'CHANGED', before: previous, after: label });
  }
  for (const label of before) {
    if (!current.has(label.key))
      changes.push({ key: label.key, change: 'REMOVED', before: label, after: null });
  }
  return changes;
}
