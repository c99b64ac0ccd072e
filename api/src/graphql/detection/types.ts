import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ArrayMaxSize, IsDivisibleBy, IsInt, IsOptional, Max, MaxLength, Min } from 'class-validator';
import { SYMBOLIC_INPUT_SIZES } from '../../inference/artifact-choice';
import { Precision } from '../common/precision';
import { UploadScalar, type FileUpload } from '../common/upload';
import { Connection } from '../common/pagination';
import { Label } from '../labels/types';

/** Values are the pipeline's NmsMode. */
export enum Nms {
  PER_LABEL = 'PER_LABEL',
  PER_CLASS = 'PER_CLASS',
  CLASS_AGNOSTIC = 'CLASS_AGNOSTIC',
}
registerEnumType(Nms, {
  name: 'Nms',
  description: 'Which overlapping boxes are one object',
  valuesConfig: {
    PER_LABEL: {
      description: 'Boxes shown under one label (classes a label set merges compete); the default',
    },
    PER_CLASS: { description: 'Boxes of one model class, even where a label merges classes' },
    CLASS_AGNOSTIC: { description: 'All boxes: one object never comes back under two labels' },
  },
});

@InputType()
export class DetectInput {
  @Field(() => String, {
    nullable: true,
    description: 'The photo (JPEG, PNG, WebP or AVIF; not HEIC), base64-encoded; or send it as image',
  })
  imageBase64?: string | null;
  @Field(() => UploadScalar, {
    nullable: true,
    description: 'The photo as a multipart upload (a third fewer bytes than base64); or send imageBase64',
  })
  image?: Promise<FileUpload> | null;
  @Field({ nullable: true, description: 'Model name; default: the active model' }) model?: string;
  @Field(() => Precision, { nullable: true }) precision?: Precision;
  @Field(() => Int, {
    nullable: true,
    description: `A size the version has an artifact baked at, or for a symbolic one ${SYMBOLIC_INPUT_SIZES.join(', ')}`,
  })
  @IsOptional()
  @IsInt()
  @IsDivisibleBy(32) // every family's stride divides its sizes
  @Min(32)
  @Max(4096)
  inputSize?: number;
  @Field(() => Float, { nullable: true }) @IsOptional() @Min(0) @Max(1) minScore?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(1000) maxObjects?: number;
  @Field({ nullable: true, description: 'Label set key; default: the model label set, latest published' })
  @IsOptional()
  @MaxLength(64)
  labelSet?: string;
  @Field({
    nullable: true,
    description:
      "Whether the review rules may sample this detection into the review queue (default true); the dashboard's Try it sends false unless asked",
  })
  sampleForReview?: boolean;
  @Field(() => [String], {
    nullable: true,
    description: 'Answer only these labels of the label set (keys or Chinese names); default: all enabled',
  })
  @IsOptional()
  @ArrayMaxSize(1000)
  @MaxLength(64, { each: true })
  labels?: string[];
  @Field(() => Nms, { nullable: true, description: 'Default PER_LABEL' }) nms?: Nms;
  @Field(() => Int, { nullable: true, description: 'Give up if not started within this many ms' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(600_000)
  timeoutMs?: number;
}

@ObjectType()
export class ImageInfo {
  @Field() sha256!: string;
  @Field(() => Int) width!: number;
  @Field(() => Int) height!: number;
}

@ObjectType({ description: 'Axis-aligned box in original image pixels' })
export class Box {
  @Field(() => Float) x!: number;
  @Field(() => Float) y!: number;
  @Field(() => Float) width!: number;
  @Field(() => Float) height!: number;
}

@ObjectType()
export class DetectedObject {
  @Field(() => ID) id!: string;
  @Field(() => Label, { description: 'The label as shown when the detection was made' }) label!: Label;
  @Field({ description: 'The model class found (label.key differs where the label set maps classes)' })
  classKey!: string;
  @Field(() => Float) score!: number;
  @Field(() => Box) box!: Box;
}

@ObjectType()
export class ModelRef {
  @Field() name!: string;
  @Field() version!: string;
  @Field(() => Precision) precision!: Precision;
  @Field(() => Int) inputSize!: number;
}

@ObjectType()
export class Timing {
  @Field(() => Float) queueMs!: number;
  @Field(() => Float) inferenceMs!: number;
  @Field(() => Float) totalMs!: number;
  @Field(() => Int) batchSize!: number;
}

@ObjectType()
export class Detection {
  @Field(() => ID) id!: string;
  @Field(() => Date) createdAt!: Date;
  @Field(() => ImageInfo) image!: ImageInfo;
  @Field(() => [DetectedObject]) objects!: DetectedObject[];
  @Field(() => ModelRef) model!: ModelRef;
  @Field() labelSet!: string;
  @Field(() => Int) labelSetVersion!: number;
  @Field(() => Timing) timing!: Timing;
  @Field() executionProvider!: string;
}

@ObjectType()
export class DetectionConnection extends Connection(Detection) {}

@InputType()
export class DetectionFilter {
  @Field(() => Date, { nullable: true }) from?: Date;
  @Field(() => Date, { nullable: true }) to?: Date;
  @Field({ nullable: true }) labelKey?: string;
  @Field(() => Float, { nullable: true }) @IsOptional() @Min(0) @Max(1) minScore?: number;
  @Field({ nullable: true }) model?: string;
  @Field(() => ID, { nullable: true }) apiKeyId?: string;
}
