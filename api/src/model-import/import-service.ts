// importModel: an admin's ONNX file becomes a served, versioned model. Everything is checked in a staging
// folder first (ONNX, input, family, class names, an onnxruntime session and a photo through it) and its light
// profiles (fp16, int8, int4) are made there; only then is the version folder moved into
// `<modelsDir>/<name>/<version>/` and its row and label set registered in one transaction. Any failure leaves
// no row and no file behind.
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, rmdir } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { z } from 'zod';
import { writeFileAtomic } from '../../../models/src/repository/atomicWrite';
import { MANIFEST_FILE } from '../../../models/src/repository/load';
import {
  SERVING_SCHEMA,
  type ModelManifest,
  type ServingSettings,
} from '../../../models/src/repository/manifest';
import type { Principal } from '../auth/roles';
import type { Config } from '../config';
import type { Prisma, PrismaClient } from '../db/client';
import { recordAudit } from '../services/audit';
import { requireRole } from '../services/authorization';
import type { LabelService } from '../services/labels';
import type { ModelService, ModelVersionView } from '../services/models';
import { isUniqueViolation } from '../services/prisma-errors';
import { scanModelRepository, type ModelRepository } from '../serving/model-repository';
import { resolveClassNames, type ClassNames } from './class-names';
import { AUTO, chooseFamily } from './family-choice';
import { imageInput, readOnnxFacts } from './onnx-facts';
import { buildLightProfiles, type LightProfiles } from './light-profiles';
import { ImportRejection } from './rejection';
import { stageUpload, stagingDir } from './staging';
import { warmUp, warmUpPhoto, type WarmUpReport } from './warm-up';

export interface ImportRequest {
  /** The file as it streams in, and the name it had on the admin's machine. */
  upload: { filename: string; stream: Readable };
  name: string;
  /** Default: one more than the model's highest version (1 for a new model). */
  version?: string | null;
  /** Class names in class-index order; default: the `names` in the file's metadata. */
  names?: readonly string[] | null;
  /** A family name or 'auto' (the default). */
  family?: string | null;
  /** The version's serving block (manifest `serving`): its own batching and queue limits; default none. */
  serving?: unknown;
}

export interface ImportResult {
  model: ModelVersionView;
  family: string;
  /** What the family choice was based on. */
  decision: string;
  classes: string[];
  namesSource: ClassNames['source'];
  labelSet: string;
  /** Whether the label set was made for this import (false: an existing one with every class was reused). */
  labelSetCreated: boolean;
  sha256: string;
  bytes: number;
  warmUp: WarmUpReport;
  /** The light profiles made at import (served at once), and those this graph could not be made into. */
  profiles: Pick<LightProfiles, 'built' | 'skipped'>;
}

export interface ModelImportDeps {
  prisma: PrismaClient;
  models: ModelService;
  labels: LabelService;
  /** The server's in-memory repository: rescanned once the version is in place. */
  repository: ModelRepository;
  config: Pick<Config, 'modelsDir' | 'imports' | 'evaluationSet'>;
}

// Leaves room in the 64-character label-set key for a "-v<version>" suffix.
const nameSchema = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,47}$/);
const versionSchema = z.string().regex(/^[1-9]\d{0,8}$/);
/** A symbolic input size's default when the metadata has no imgsz: Ultralytics' export default. */
const DEFAULT_SYMBOLIC_SIZE = 640;

export class ModelImportService {
  constructor(private readonly deps: ModelImportDeps) {}

  async importModel(actor: Principal | null, request: ImportRequest): Promise<ImportResult> {
    const admin = requireRole(actor, 'admin');
    const { name, version: asked } = checkNames(request);
    const serving = checkServing(request.serving);
    if (asked !== undefined) await this.refuseExisting(name, asked);
    const { modelsDir } = this.deps.config;
    const stage = await stagingDir(modelsDir);
    let placed: string | undefined;
    let version = asked;
    try {
      const upload = await stageUpload(
        request.upload.stream,
        path.join(stage, 'upload.onnx'),
        this.deps.config.imports.maxBytes,
      );
      const facts = readOnnxFacts(await readFile(upload.file));
      const input = imageInput(facts);
      const choice = chooseFamily(
        { outputs: facts.outputs, inputSize: input.inputSize, metadata: facts.metadata },
        request.family ?? AUTO,
      );
      const classes = resolveClassNames(request.names ?? undefined, facts.metadata);
      if (choice.classCount !== undefined && choice.classCount !== classes.names.length)
        throw new ImportRejection(
          'CLASS_COUNT_MISMATCH',
          `The model's outputs have ${choice.classCount} classes; ${classes.names.length} names were given`,
          { classCount: choice.classCount, names: classes.names.length },
        );
      version ??= await this.nextVersion(name);
      if (asked === undefined) await this.refuseExisting(name, version);
      const labelSet = await this.labelSetFor(name, version, classes.names);

      // <stage>/<name>/<version>/: laid out as in the repository, so the profile build works on it in place.
      const versionDir = path.join(stage, name, version);
      await mkdir(versionDir, { recursive: true });
      const file = `fp32-${input.inputSize ?? 'dynamic'}.onnx`;
      await rename(upload.file, path.join(versionDir, file));
      const manifest: ModelManifest = {
        name,
        version,
        description: `Imported from ${request.upload.filename} (${choice.family.family})`,
        input: { name: input.name, ...choice.family.input },
        decoder: choice.spec,
        labelSet: labelSet.key,
        classes: classes.names,
        defaultPrecision: 'fp32',
        defaultInputSize: input.inputSize ?? symbolicDefaultSize(facts.metadata),
        artifacts: [
          {
            file,
            precision: 'fp32',
            inputSize: input.inputSize,
            sha256: upload.sha256,
            bytes: upload.bytes,
            build: { imported: request.upload.filename, opset: facts.opset ?? null },
          },
        ],
        provenance: {
          originalFile: request.upload.filename,
          sha256: upload.sha256,
          importedBy: await this.keyName(admin),
          importedAt: new Date().toISOString(),
          familyDecision: choice.decision,
          metadata: facts.metadata,
        },
        ...(serving && { serving }),
      };
      await writeFileAtomic(path.join(versionDir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
      const photo = await warmUpPhoto(this.deps.config.evaluationSet);
      const report = await warmUp(versionDir, manifest, photo, facts.opTypes);
      const profiles = await buildLightProfiles(modelsDir, versionDir, photo, facts.opTypes);

      const target = path.join(modelsDir, name, version);
      await mkdir(path.dirname(target), { recursive: true });
      if (existsSync(target)) throw duplicate(name, version);
      await rename(versionDir, target);
      placed = target;
      await this.register(admin, profiles.manifest, labelSet, choice.decision);
      placed = undefined; // registered: from here on the version is the repository's
      this.deps.repository.replace(await scanModelRepository(modelsDir));
      return {
        model: await this.deps.models.getVersion(name, version),
        family: choice.family.family,
        decision: choice.decision,
        classes: classes.names,
        namesSource: classes.source,
        labelSet: labelSet.key,
        labelSetCreated: labelSet.create,
        sha256: upload.sha256,
        bytes: upload.bytes,
        warmUp: report,
        profiles: { built: profiles.built, skipped: profiles.skipped },
      };
    } catch (error) {
      if (placed) await rm(placed, { recursive: true, force: true });
      // The model folder, when this import made it and left nothing in it.
      await rmdir(path.join(modelsDir, name)).catch(() => undefined);
      // Another import of the same version committed first.
      throw isUniqueViolation(error) ? duplicate(name, version ?? '') : error;
    } finally {
      await rm(stage, { recursive: true, force: true });
    }
  }

  /** The row, the label set (when new) and the audit entry, in one transaction. */
  private async register(
    admin: Principal,
    manifest: ModelManifest,
    labelSet: LabelSetChoice,
    decision: string,
  ) {
    const { name, version } = manifest;
    await this.deps.models.registerManifests([manifest], async (tx: Prisma.TransactionClient) => {
      if (await tx.modelVersion.findUnique({ where: { name_version: { name, version } } }))
        throw duplicate(name, version);
      if (labelSet.create)
        await this.deps.labels.createPublishedSet(tx, admin, {
          key: labelSet.key,
          name: `${name} ${version}`,
          description: `Classes of the imported model ${name} ${version}`,
          classes: manifest.classes,
          note: `Created by the import of ${name} ${version}`,
        });
      await recordAudit(tx, admin, {
        action: 'model.import',
        entity: `modelVersion:${name}/${version}`,
        after: {
          family: manifest.decoder.family,
          decision,
          classes: manifest.classes.length,
          labelSet: labelSet.key,
          provenance: manifest.provenance,
        },
      });
    });
  }

  private async refuseExisting(name: string, version: string): Promise<void> {
    const row = await this.deps.prisma.modelVersion.findUnique({
      where: { name_version: { name, version } },
    });
    if (row || existsSync(path.join(this.deps.config.modelsDir, name, version)))
      throw duplicate(name, version);
  }

  /** One more than the highest version registered or on disk. */
  private async nextVersion(name: string): Promise<string> {
    const rows = await this.deps.prisma.modelVersion.findMany({ where: { name }, select: { version: true } });
    const folders = await readdir(path.join(this.deps.config.modelsDir, name)).catch(() => [] as string[]);
    const numbers = [...rows.map((r) => r.version), ...folders].map(Number).filter(Number.isInteger);
    return String(Math.max(0, ...numbers) + 1);
  }

  /**
   * The model's own label set when one of that key already has every class (a new version of the same model
   * keeps its translations), else a new set: the model name, or `<name>-v<version>` when that is taken by a
   * set that does not fit.
   */
  private async labelSetFor(
    name: string,
    version: string,
    classes: readonly string[],
  ): Promise<LabelSetChoice> {
    for (const key of [name, `${name}-v${version}`]) {
      const latest = await this.deps.prisma.labelSetVersion.findFirst({
        where: { labelSet: { key }, version: { gt: 0 } },
        orderBy: { version: 'desc' },
        include: { labels: { select: { key: true } } },
      });
      const exists = latest || (await this.deps.prisma.labelSet.findUnique({ where: { key } }));
      if (!exists) return { key, create: true };
      const keys = new Set(latest?.labels.map((l) => l.key));
      if (classes.every((c) => keys.has(c))) return { key, create: false };
    }
    throw duplicate(name, version, `label sets ${name} and ${name}-v${version} exist with other classes`);
  }

  private async keyName(admin: Principal): Promise<string> {
    const key = await this.deps.prisma.apiKey.findUnique({
      where: { id: admin.keyId },
      select: { name: true },
    });
    return key?.name ?? admin.keyId;
  }
}

interface LabelSetChoice {
  key: string;
  create: boolean;
}

function checkNames(request: ImportRequest): { name: string; version: string | undefined } {
  if (!nameSchema.safeParse(request.name).success)
    throw new ImportRejection(
      'INVALID_NAME',
      'name: lower-case letters, digits, _ and -, up to 48, starting with a letter or digit',
    );
  if (request.version != null && !versionSchema.safeParse(request.version).success)
    throw new ImportRejection('INVALID_NAME', 'version: a positive whole number such as 1 or 2');
  return { name: request.name, version: request.version ?? undefined };
}

function checkServing(serving: unknown): ServingSettings | undefined {
  if (serving == null) return undefined;
  const parsed = SERVING_SCHEMA.safeParse(serving);
  if (!parsed.success) {
    const why = parsed.error.issues.map((i) => `${i.path.join('.') || 'serving'}: ${i.message}`).join('; ');
    throw new ImportRejection('INVALID_SERVING', `serving: ${why}`);
  }
  return parsed.data;
}

function duplicate(name: string, version: string, why?: string): ImportRejection {
  return new ImportRejection('DUPLICATE_VERSION', why ?? `Model ${name} already has version ${version}`);
}

/** Ultralytics writes imgsz as "[640, 640]"; a symbolic graph serves at that size by default. */
function symbolicDefaultSize(metadata: Record<string, string>): number {
  const [h, w] = (metadata.imgsz ?? '').match(/\d+/g)?.map(Number) ?? [];
  return h && h === (w ?? h) && h % 32 === 0 ? h : DEFAULT_SYMBOLIC_SIZE;
}
