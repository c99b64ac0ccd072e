// Profile artifacts as recipes of the model repository, so the repository builder writes, verifies and
// records them (sha256, bytes, build facts) exactly as it does the fp32 ones, and rebuilds one only when
// its fp32 source, the profile code, or its settings (calibration images, method, kept-float nodes) change.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { MODELS_SOURCE_DIR } from '../repo-root';
import { loadManifest } from '../repository/load';
import { decodeModel, type onnx } from '../onnx';
import { sha256OfTrees } from '../repository/fingerprint';
import type { ArtifactRecipe, ModelRecipe } from '../repository/recipe';
import type { CalibrationImages } from './calibrationImages';
import { buildFloat16Model } from './float16Model';
import { buildFloat16StorageModel } from './float16Storage';
import { buildInt4Model, convsNarrowerThanBlock } from './int4Weights';
import { buildInt8Model } from './int8/buildInt8Model';
import { QUANTIZABLE_OPS } from './int8/quantizationPlan';
import type { ActivationType } from './int8/quantization';
import type { CalibrationMethod } from './int8/rangeMethods';
import { PROFILE_NAMES, PROFILE_PRECISION, profileFile, type ProfileName } from './profiles';
import { graphOutputWriters, headOutputConvs } from './sensitiveNodes';

export interface ProfileSettings {
  profiles: readonly ProfileName[];
  /** Input sizes to make profiles at, each with an fp32 artifact baked at it; default: all such sizes. */
  sizes?: readonly number[];
  /** Needed when int8 is among the profiles. */
  calibration?: CalibrationImages;
  int8: { method: CalibrationMethod; activationType: ActivationType; keepHeadsInFloat: boolean };
  int4: { blockSize: number; keepHeadsInFloat: boolean };
  /**
   * The version folder the profiles are built into: an fp32 source already there (verified, same recipe) is
   * read from it rather than converted again, so an up-to-date build stays about a second.
   */
  versionDir?: string;
}

/** What the measurements on coco64 chose (bench/profiles.md): minmax int8 throughout; int4 in blocks of 64, heads in float. */
export const DEFAULT_PROFILE_SETTINGS: Omit<ProfileSettings, 'calibration'> = {
  profiles: PROFILE_NAMES,
  int8: { method: 'minmax', activationType: 'uint8', keepHeadsInFloat: false },
  int4: { blockSize: 64, keepHeadsInFloat: true },
};

/** The model recipe with a profile artifact per requested profile and size after its fp32 artifacts. */
export function withProfiles(model: ModelRecipe, settings: ProfileSettings): ModelRecipe {
  return {
    manifest: model.manifest,
    async artifacts() {
      const base = await model.artifacts();
      const builderSha256 = await sha256OfTrees(MODELS_SOURCE_DIR, ['profiles', 'onnx']);
      const profiles: ArtifactRecipe[] = [];
      const baked = base
        .filter((r) => r.precision === 'fp32' && r.inputSize !== null)
        .map((r) => r.inputSize as number);
      for (const size of settings.sizes ?? baked) {
        const source = fp32Source(base, size, settings.versionDir);
        // Kept-float node names are facts of the graph, recorded in the manifest: reading them needs the fp32 model.
        const graph = decodeModel(await source.produce()).graph as onnx.IGraphProto;
        // In PROFILE_NAMES order, so the manifest lists them the same way however they were asked for.
        for (const profile of PROFILE_NAMES.filter((p) => settings.profiles.includes(p)))
          profiles.push(profileRecipe(source, graph, profile, settings, builderSha256));
      }
      return [...base, ...profiles];
    },
  };
}

/** The fp32 recipe baked at `size`, producing its bytes once however many profiles are made from it. */
function fp32Source(base: readonly ArtifactRecipe[], size: number, versionDir?: string): ArtifactRecipe {
  const found = base.find((recipe) => recipe.precision === 'fp32' && recipe.inputSize === size);
  if (!found) throw new Error(`no fp32 artifact baked at ${size}×${size} to make profiles from`);
  let bytes: Promise<Uint8Array> | undefined;
  const produce = async () => (versionDir && (await builtFile(versionDir, found))) || found.produce();
  return { ...found, produce: () => (bytes ??= produce()) };
}

/** The recipe's file as already built in `versionDir`, when its manifest entry verifies and has the same recipe. */
async function builtFile(versionDir: string, recipe: ArtifactRecipe): Promise<Uint8Array | undefined> {
  const manifest = await loadManifest(versionDir).catch(() => undefined);
  const entry = manifest?.artifacts.find((a) => a.file === recipe.file);
  if (!entry || !isDeepStrictEqual(entry.build, recipe.build)) return undefined;
  const data = await readFile(path.join(versionDir, entry.file)).catch(() => undefined);
  const intact = data && createHash('sha256').update(data).digest('hex') === entry.sha256;
  return intact ? data : undefined;
}

function profileRecipe(
  source: ArtifactRecipe,
  graph: onnx.IGraphProto,
  profile: ProfileName,
  settings: ProfileSettings,
  builderSha256: string,
): ArtifactRecipe {
  const inputSize = source.inputSize as number;
  const recipe = (
    build: Record<string, unknown>,
    produce: (fp32: Uint8Array) => Promise<Uint8Array> | Uint8Array,
  ): ArtifactRecipe => ({
    file: profileFile(profile, inputSize),
    precision: PROFILE_PRECISION[profile],
    inputSize,
    build: {
      profile,
      source: source.file,
      // The source's build facts, hashed: when the fp32 artifact changes, its profiles are out of date.
      sourceBuildSha256: createHash('sha256').update(JSON.stringify(source.build)).digest('hex'),
      builder: 'models/src/profiles',
      builderSha256,
      ...build,
    },
    produce: async () => produce(await source.produce()),
  });
  const heads = (keep: boolean) => (keep ? headOutputConvs(graph) : []);

  switch (profile) {
    case 'fp16':
      return recipe(
        { weights: 'float16', activations: 'float16', io: 'float32, Cast at the boundaries' },
        buildFloat16Model,
      );
    case 'fp16-storage':
      return recipe(
        { weights: 'float16, Cast to float32 (folded at session load)', activations: 'float32' },
        buildFloat16StorageModel,
      );
    case 'int8': {
      const { calibration } = settings;
      if (!calibration) throw new Error('int8 profiles need calibration images');
      const { method, activationType } = settings.int8;
      const keepFloatNodes = [
        ...new Set([...heads(settings.int8.keepHeadsInFloat), ...graphOutputWriters(graph, QUANTIZABLE_OPS)]),
      ];
      return recipe(
        {
          format: 'QDQ',
          weights: 'int8, per output channel, symmetric',
          activations: `${activationType}, per tensor`,
          calibration: {
            source: calibration.source,
            images: calibration.files,
            sha256: calibration.sha256,
            method,
          },
          keptFloatNodes: keepFloatNodes,
        },
        async (fp32) => {
          const inputs = await calibration.inputs(inputSize);
          return buildInt8Model(fp32, { calibration: inputs, method, activationType, keepFloatNodes });
        },
      );
    }
    case 'int4': {
      const { blockSize } = settings.int4;
      const keepFloatNodes = [
        ...convsNarrowerThanBlock(graph, blockSize),
        ...heads(settings.int4.keepHeadsInFloat),
      ];
      return recipe(
        {
          weights: `int4 symmetric in blocks of ${blockSize} input channels, float32 scales (DequantizeLinear, opset 21)`,
          activations: 'float32',
          keptFloatNodes: keepFloatNodes,
        },
        (fp32) => buildInt4Model(fp32, { blockSize, keepFloatNodes }),
      );
    }
  }
}
