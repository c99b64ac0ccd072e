import { Arg, Authorized, Ctx, Field, Float, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { FAMILY_NAMES } from '../../../../sdk/src/decoders';
import type { GraphQLContext } from '../context';
import { UploadScalar, type FileUpload } from '../common/upload';
import { ModelVersion } from './types';

@ObjectType({ description: 'The run on a photo every import makes before it registers anything' })
export class ImportWarmUp {
  @Field({ description: 'The photo it ran on ("generated" when no evaluation set is installed)' })
  photo!: string;
  @Field(() => Float) milliseconds!: number;
  @Field(() => Int, { description: 'Boxes found at display confidence: a plausibility hint' })
  objects!: number;
}

@ObjectType({ description: 'A light profile the import could not make from this graph' })
export class ImportSkippedProfile {
  @Field() profile!: string;
  @Field() reason!: string;
}

@ObjectType({ description: 'The light profiles made at import, served at once (precision FP16, INT8, INT4)' })
export class ImportProfiles {
  @Field(() => [String], { description: 'fp16, fp16-storage, int8, int4 at each baked input size' })
  built!: string[];
  @Field(() => [ImportSkippedProfile]) skipped!: ImportSkippedProfile[];
}

@ObjectType({ description: 'A model version made from an uploaded ONNX file' })
export class ModelImport {
  @Field(() => ModelVersion) model!: ModelVersion;
  @Field({ description: `The family that decodes it: ${FAMILY_NAMES.join(', ')}` }) family!: string;
  @Field({ description: 'Why that family: the output shapes and metadata it was recognised by' })
  decision!: string;
  @Field(() => [String], { description: 'Class names in class-index order' }) classes!: string[];
  @Field({ description: '"given" (the names argument) or "metadata" (the file\'s own names)' })
  namesSource!: string;
  @Field({ description: 'The label set detections of this version use' }) labelSet!: string;
  @Field({ description: 'false when an existing label set with every class was reused' })
  labelSetCreated!: boolean;
  @Field() sha256!: string;
  @Field(() => Float) bytes!: number;
  @Field(() => ImportWarmUp) warmUp!: ImportWarmUp;
  @Field(() => ImportProfiles) profiles!: ImportProfiles;
}

@Resolver()
export class ModelImportResolver {
  @Authorized()
  @Query(() => [String], { description: 'The model families importModel can take (besides auto)' })
  modelFamilies(): string[] {
    return [...FAMILY_NAMES];
  }

  @Authorized('admin')
  @Mutation(() => ModelImport, {
    description:
      'Imports an ONNX detector as a new model version (multipart upload). Refusals are BAD_USER_INPUT with extensions.reason',
  })
  async importModel(
    @Ctx() { services, principal }: GraphQLContext,
    @Arg('file', () => UploadScalar) file: Promise<FileUpload>,
    @Arg('name', { description: 'Model name: lower-case letters, digits, _ and -' }) name: string,
    @Arg('version', () => String, { nullable: true, description: 'Default: the next version number' })
    version?: string | null,
    @Arg('names', () => [String], {
      nullable: true,
      description: "Class names; default: the file's metadata names",
    })
    names?: string[] | null,
    @Arg('family', () => String, {
      nullable: true,
      description: `auto (default), ${FAMILY_NAMES.join(', ')}`,
    })
    family?: string | null,
    @Arg('serving', () => GraphQLJSON, {
      nullable: true,
      description:
        'The version\'s own serving policy over the server\'s, e.g. {"maxBatchSize": 8}: maxBatchSize, maxQueueDelayMs, maxQueueSize, interactiveReserve, maxQueueWaitMs, maxBulkQueueWaitMs, bulkAgingMs (see ServingPolicy); INVALID_SERVING otherwise',
    })
    serving?: unknown,
  ): Promise<ModelImport> {
    const upload = await file;
    return (await services.modelImport.importModel(principal, {
      upload: { filename: upload.filename, stream: upload.createReadStream() },
      name,
      version,
      names,
      family,
      serving,
    })) as ModelImport;
  }
}
