// The profile comparison of a model: the latest measurement of each profile at each input size for its active
// version, and whether detect runs that very artifact when asked for the profile's precision and size.
import type { Principal } from '../auth/roles';
import type { PrismaClient } from '../db/client';
import { chooseArtifact } from '../inference/artifact-choice';
import { requireRole } from '../services/authorization';
import type { ModelService } from '../services/models';
import type { ModelRepository } from '../serving/model-repository';
import { byProfileOrder, resultView, type ProfileResultView } from './views';

export class ProfileComparisonService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly models: ModelService,
    private readonly repository: ModelRepository,
  ) {}

  /** In byProfileOrder. */
  async latest(viewer: Principal | null, model: string): Promise<ProfileResultView[]> {
    requireRole(viewer, 'reviewer');
    return this.latestOf(model);
  }

  /** The same without a role check: for what apps may see of it (a device bundle's measured speed and mAP). */
  async latestOf(model: string): Promise<ProfileResultView[]> {
    const version = await this.models.resolveServingVersion(model);
    const rows = await this.prisma.profileMeasurement.findMany({
      where: { modelVersionId: version.id },
      orderBy: [{ measuredAt: 'desc' }, { id: 'desc' }],
    });
    const latest = new Map<string, (typeof rows)[number]>();
    for (const row of rows) {
      const key = `${row.profile}@${row.inputSize}`;
      if (!latest.has(key)) latest.set(key, row);
    }
    return [...latest.values()].sort(byProfileOrder).map((row) => resultView(row, version));
  }

  /**
   * Whether `detect` with this result's serving precision and input size runs its artifact. Not for fp16-storage
   * where an fp16 artifact of the same size exists (both are listed as fp16), nor for an artifact since dropped.
   */
  isServed(
    result: Pick<ProfileResultView, 'model' | 'version' | 'servingPrecision' | 'inputSize' | 'artifact'>,
  ): boolean {
    const entry = this.repository.find(result.model, result.version);
    if (!entry) return false;
    try {
      const { artifact } = chooseArtifact(entry.manifest, {
        precision: result.servingPrecision,
        inputSize: result.inputSize,
      });
      return artifact.file === result.artifact;
    } catch {
      return false; // no artifact of that precision at that size (any more)
    }
  }
}
