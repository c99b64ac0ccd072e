// The model registry, after Triton's: a model name has versions (registered from the model repository's
// manifests at start), one of which is active and serves it; one model is the default for requests that name
// none. Each version has a default profile (precision + input size) that requests may override.
import { z } from 'zod';
import type { ArtifactEntry, ModelManifest, Precision } from '../../../models/src/repository/manifest';
import { PRECISIONS } from '../../../models/src/repository/manifest';
import type { Principal } from '../auth/roles';
import type { ExecutionProviderName } from '../config';
import type { Db, ModelVersion, Prisma, PrismaClient } from '../db/client';
import { recordAudit } from './audit';
import { requireRole } from './authorization';
import { BriefCache } from './brief-cache';
import {
  ADMIN_BASIS,
  chooseDefaultProfile,
  MANIFEST_BASIS,
  type DefaultProfileBasis,
  type MeasuredProfile,
} from './default-profile';
import { InputError, NotFoundError } from './errors';
import { parseInput } from './validation';

export type ArtifactView = Pick<ArtifactEntry, 'file' | 'precision' | 'inputSize' | 'sha256' | 'bytes'>;

export interface ModelVersionView {
  id: string;
  name: string;
  version: string;
  family: string;
  description: string;
  labelSet: string;
  active: boolean;
  defaultPrecision: Precision;
  defaultInputSize: number;
  defaultProfileBasis: DefaultProfileBasis;
  artifacts: ArtifactView[];
  createdAt: Date;
}

export interface ModelView {
  name: string;
  isDefault: boolean;
  /** The active version, or null when none is. */
  activeVersion: string | null;
  versions: ModelVersionView[];
}

/** Every family's largest stride is 32: input sizes of graphs with a symbolic size must be multiples of it. */
const INPUT_SIZE_STEP = 32;
const MAX_INPUT_SIZE = 2048;

const profileSchema = z.object({
  precision: z.enum(PRECISIONS),
  inputSize: z.number().int().min(INPUT_SIZE_STEP).max(MAX_INPUT_SIZE),
});
export type ProfileInput = z.input<typeof profileSchema>;

/** Compares version strings as Triton does numeric ones ("10" after "9"), falling back to text order. */
const byVersion = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

function toArtifactViews(manifest: ModelManifest): ArtifactView[] {
  return manifest.artifacts.map(({ file, precision, inputSize, sha256, bytes }) => ({
    file,
    precision,
    inputSize,
    sha256,
    bytes,
  }));
}

function toView(row: ModelVersion): ModelVersionView {
  return {
    id: row.id,
    name: row.name,
    version: row.version,
    family: row.family,
    description: row.description,
    labelSet: row.labelSetKey,
    active: row.active,
    defaultPrecision: row.defaultPrecision as Precision,
    defaultInputSize: row.defaultInputSize,
    defaultProfileBasis: (row.defaultProfileBasis as DefaultProfileBasis | null) ?? MANIFEST_BASIS,
    artifacts: row.artifacts as unknown as ArtifactView[],
    createdAt: row.createdAt,
  };
}

/** Whether some artifact runs at this precision and input size (fixed to it, or symbolic). */
export function supportsProfile(
  artifacts: readonly ArtifactView[],
  precision: string,
  inputSize: number,
): boolean {
  return artifacts.some(
    (a) =>
      a.precision === precision &&
      (a.inputSize === inputSize || (a.inputSize === null && inputSize % INPUT_SIZE_STEP === 0)),
  );
}

export class ModelService {
  /** resolveServingVersion by model name ('' for the default model): every detect asks. */
  private readonly serving = new BriefCache<ModelVersionView>();

  /** The execution provider serving runs on, once known: it decides the defaults no admin chose. */
  private provider: ExecutionProviderName | undefined;

  constructor(private readonly prisma: PrismaClient) {}

  /**
   * Serving runs on this provider: every version whose default profile no admin chose gets the one
   * chooseDefaultProfile picks for it (the fastest that keeps fp32's accuracy as measured on this provider, else
   * the provider's rule). Called at start, again if the provider turned out to be another, and after a profile job.
   */
  async servingOn(provider: ExecutionProviderName): Promise<void> {
    this.provider = provider;
    await this.changingServing((tx) => this.applyDefaultProfiles(tx, provider));
  }

  /** Recomputes the defaults no admin chose, e.g. after new measurements; a no-op until servingOn is called. */
  async refreshDefaultProfiles(): Promise<void> {
    const { provider } = this;
    if (provider) await this.changingServing((tx) => this.applyDefaultProfiles(tx, provider));
  }

  /**
   * Registers the repository's model versions (idempotent; run at every start). A known version gets the
   * manifest's current facts but keeps its active flag and its default profile while an artifact still supports
   * it. A model with no active version gets its highest version activated; with no default model, the first
   * manifest's model becomes the default. `alongside` runs first in the same transaction (a model import
   * creates the version's label set there).
   */
  async registerManifests(
    manifests: readonly ModelManifest[],
    alongside?: (tx: Prisma.TransactionClient) => Promise<void>,
  ): Promise<void> {
    await this.changingServing(async (tx) => {
      await alongside?.(tx);
      for (const manifest of manifests) await this.register(tx, manifest);
      for (const name of new Set(manifests.map((m) => m.name))) await activateHighestIfNone(tx, name);
      if (manifests.length && !(await tx.model.findFirst({ where: { isDefault: true } }))) {
        await tx.model.update({ where: { name: manifests[0].name }, data: { isDefault: true } });
      }
      if (this.provider) await this.applyDefaultProfiles(tx, this.provider);
    });
  }

  async listModels(): Promise<ModelView[]> {
    const models = await this.prisma.model.findMany({
      orderBy: { name: 'asc' },
      include: { versions: true },
    });
    return models.map((model) => {
      const versions = model.versions.sort((a, b) => byVersion(a.version, b.version)).map(toView);
      return {
        name: model.name,
        isDefault: model.isDefault,
        activeVersion: versions.find((v) => v.active)?.version ?? null,
        versions,
      };
    });
  }

  async getVersion(name: string, version: string): Promise<ModelVersionView> {
    return toView(await this.findVersion(name, version));
  }

  /** The version that serves a request: the active version of the named model, or of the default model. */
  resolveServingVersion(name?: string): Promise<ModelVersionView> {
    return this.serving.get(name ?? '', async () => {
      const row = await this.prisma.modelVersion.findFirst({
        where: { active: true, ...(name === undefined ? { model: { isDefault: true } } : { name }) },
      });
      if (!row)
        throw new NotFoundError(
          name === undefined ? 'No default model is active' : `Model ${name} has no active version`,
        );
      return toView(row);
    });
  }

  /** Makes this version the one that serves its model (deactivating the one that did). */
  async activateVersion(actor: Principal | null, name: string, version: string): Promise<ModelVersionView> {
    requireRole(actor, 'admin');
    return this.changingServing(async (tx) => {
      const target = await this.findVersion(name, version, tx);
      const previous = await tx.modelVersion.findFirst({ where: { name, active: true } });
      await tx.modelVersion.updateMany({
        where: { name, active: true, id: { not: target.id } },
        data: { active: false },
      });
      const activated = toView(
        await tx.modelVersion.update({ where: { id: target.id }, data: { active: true } }),
      );
      await recordAudit(tx, actor, {
        action: 'model.activate',
        entity: `model:${name}`,
        before: { activeVersion: previous?.version ?? null },
        after: { activeVersion: version },
      });
      return activated;
    });
  }

  /** Makes this model the one used when a request names none. */
  async setDefaultModel(actor: Principal | null, name: string): Promise<void> {
    requireRole(actor, 'admin');
    await this.changingServing(async (tx) => {
      if (!(await tx.model.findUnique({ where: { name } }))) throw new NotFoundError(`No model ${name}`);
      const previous = await tx.model.findFirst({ where: { isDefault: true } });
      await tx.model.updateMany({
        where: { isDefault: true, name: { not: name } },
        data: { isDefault: false },
      });
      await tx.model.update({ where: { name }, data: { isDefault: true } });
      await recordAudit(tx, actor, {
        action: 'model.setDefault',
        entity: 'defaultModel',
        before: { name: previous?.name ?? null },
        after: { name },
      });
    });
  }

  /** Sets the precision and input size a version runs at when a request does not choose. */
  async setDefaultProfile(
    actor: Principal | null,
    name: string,
    version: string,
    input: ProfileInput,
  ): Promise<ModelVersionView> {
    requireRole(actor, 'admin');
    const profile = parseInput(profileSchema, input);
    return this.changingServing(async (tx) => {
      const current = toView(await this.findVersion(name, version, tx));
      if (!supportsProfile(current.artifacts, profile.precision, profile.inputSize)) {
        throw new InputError(
          `${name} ${version} has no ${profile.precision} artifact that runs at ${profile.inputSize}×${profile.inputSize}`,
        );
      }
      const updated = toView(
        await tx.modelVersion.update({
          where: { id: current.id },
          data: {
            defaultPrecision: profile.precision,
            defaultInputSize: profile.inputSize,
            defaultProfileBasis: { ...ADMIN_BASIS },
          },
        }),
      );
      await recordAudit(tx, actor, {
        action: 'model.setDefaultProfile',
        entity: `modelVersion:${name}/${version}`,
        before: { precision: current.defaultPrecision, inputSize: current.defaultInputSize },
        after: profile,
      });
      return updated;
    });
  }

  /** Another replica changed which version serves, or how (the change feed). */
  forgetCached(): void {
    this.serving.clear();
  }

  /** A transaction that may change which version serves, or how; later requests see its outcome. */
  private async changingServing<T>(work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
    const result = await this.prisma.$transaction(work);
    this.serving.clear();
    return result;
  }

  private async register(tx: Prisma.TransactionClient, manifest: ModelManifest): Promise<void> {
    const artifacts = toArtifactViews(manifest);
    const facts = {
      family: manifest.decoder.family,
      description: manifest.description,
      artifacts: artifacts as unknown as Prisma.InputJsonValue,
      labelSetKey: manifest.labelSet,
    };
    const manifestProfile = {
      defaultPrecision: manifest.defaultPrecision,
      defaultInputSize: manifest.defaultInputSize,
    };
    await tx.model.upsert({ where: { name: manifest.name }, create: { name: manifest.name }, update: {} });
    const where = { name_version: { name: manifest.name, version: manifest.version } };
    const existing = await tx.modelVersion.findUnique({ where });
    if (!existing) {
      await tx.modelVersion.create({
        data: { name: manifest.name, version: manifest.version, ...facts, ...manifestProfile },
      });
      return;
    }
    const keepsProfile = supportsProfile(artifacts, existing.defaultPrecision, existing.defaultInputSize);
    const reset = { ...manifestProfile, defaultProfileBasis: { ...MANIFEST_BASIS } };
    await tx.modelVersion.update({ where, data: { ...facts, ...(keepsProfile ? {} : reset) } });
  }

  private async applyDefaultProfiles(tx: Prisma.TransactionClient, provider: ExecutionProviderName) {
    for (const row of await tx.modelVersion.findMany()) {
      const current = toView(row);
      if (current.defaultProfileBasis.source === 'admin') continue;
      const choice = chooseDefaultProfile({
        provider,
        supports: (precision, inputSize) => supportsProfile(current.artifacts, precision, inputSize),
        manifestDefault: { precision: current.defaultPrecision, inputSize: current.defaultInputSize },
        measured: await latestMeasurements(tx, row.id, provider),
      });
      const data = {
        defaultPrecision: choice.precision,
        defaultInputSize: choice.inputSize,
        defaultProfileBasis: { ...choice.basis },
      };
      const unchanged =
        current.defaultPrecision === data.defaultPrecision &&
        current.defaultInputSize === data.defaultInputSize &&
        JSON.stringify(current.defaultProfileBasis) === JSON.stringify(choice.basis);
      if (!unchanged) await tx.modelVersion.update({ where: { id: row.id }, data });
    }
  }

  private async findVersion(name: string, version: string, db: Db = this.prisma) {
    const row = await db.modelVersion.findUnique({ where: { name_version: { name, version } } });
    if (!row) throw new NotFoundError(`No model version ${name} ${version}`);
    return row;
  }
}

/** The latest measurement of each profile at each size of a version on the provider. */
async function latestMeasurements(
  tx: Prisma.TransactionClient,
  modelVersionId: string,
  provider: string,
): Promise<MeasuredProfile[]> {
  const rows = await tx.profileMeasurement.findMany({
    where: { modelVersionId, provider },
    orderBy: [{ measuredAt: 'desc' }, { id: 'desc' }],
    select: { profile: true, inputSize: true, imagesPerSecond: true, mAP: true, deltaMAP: true },
  });
  const latest = new Map<string, MeasuredProfile>();
  for (const row of rows) {
    const key = `${row.profile}@${row.inputSize}`;
    if (!latest.has(key)) latest.set(key, row);
  }
  return [...latest.values()];
}

async function activateHighestIfNone(tx: Prisma.TransactionClient, name: string): Promise<void> {
  const versions = await tx.modelVersion.findMany({
    where: { name },
    select: { id: true, version: true, active: true },
  });
  if (versions.some((v) => v.active)) return;
  const highest = versions.sort((a, b) => byVersion(b.version, a.version))[0];
  if (highest) await tx.modelVersion.update({ where: { id: highest.id }, data: { active: true } });
}
