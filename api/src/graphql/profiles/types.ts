import { ArrayMaxSize, ArrayMinSize, IsOptional, Max, MaxLength, Min } from 'class-validator';
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Connection } from '../common/pagination';
import { Precision } from '../common/precision';

// Values are the database's lower-case names, so service views pass through unchanged.
export enum ProfileJobStatus {
  QUEUED = 'queued',
  RUNNING = 'running',
  SUCCEEDED = 'succeeded',
  FAILED = 'failed',
  CANCELLED = 'cancelled',
}
registerEnumType(ProfileJobStatus, {
  name: 'ProfileJobStatus',
  valuesConfig: {
    QUEUED: { description: 'Started; its runner process has not reported yet' },
    CANCELLED: { description: 'Stopped by an admin (error says who); nothing it measured was kept' },
  },
});

@ObjectType({ description: 'Inference images per second at one batch size' })
export class BatchThroughput {
  @Field(() => Int) batchSize!: number;
  @Field(() => Float) imagesPerSecond!: number;
}

@ObjectType({ description: 'The machine a measurement was taken on' })
export class MachineInfo {
  @Field() cpuModel!: string;
  @Field(() => Int) cores!: number;
  @Field(() => Float, { description: 'Total memory' }) memoryMB!: number;
}

@ObjectType({ description: 'One profile at one input size as a benchmark measured it, and where it ran' })
export class ProfileResult {
  @Field(() => ID) id!: string;
  @Field(() => ID) jobId!: string;
  @Field() model!: string;
  @Field() version!: string;
  @Field({
    description: 'The profile: fp32, fp16, fp16-storage (float16 weights, float32 compute), int8 or int4',
  })
  precision!: string;
  @Field(() => Precision, { description: 'The precision a request names to run this profile' })
  servingPrecision!: Precision;
  @Field(() => Int) inputSize!: number;
  @Field({ description: 'Model file in the version folder' }) artifact!: string;
  @Field(() => Int, { description: 'The batch size with the best throughput' }) batchSize!: number;
  @Field(() => Float, { description: 'Inference images per second at batchSize' }) imagesPerSecond!: number;
  @Field(() => Float, { description: 'Batch-1 inference latency' }) latencyP50Ms!: number;
  @Field(() => Float) latencyP95Ms!: number;
  @Field(() => [BatchThroughput]) throughputByBatch!: BatchThroughput[];
  @Field(() => Float, { description: 'Resident memory a process gains by opening and running the model' })
  memoryMB!: number;
  @Field(() => Float) fileBytes!: number;
  @Field(() => Float, { description: 'COCO mAP@[.5:.95] on the evaluation set, 0..1' }) mAP!: number;
  @Field(() => Float, { description: 'COCO mAP@.5, 0..1' }) mAP50!: number;
  @Field(() => Float, { description: 'mAP minus fp32 mAP at the same size, in points' }) deltaMAP!: number;
  @Field(() => Float, { description: "F1 of its confident detections against fp32's, 0..1" })
  agreement!: number;
  @Field(() => [String], { description: 'Warnings, each with the numbers behind it' }) flags!: string[];
  @Field({ description: 'Execution provider the session really ran on' }) provider!: string;
  @Field(() => MachineInfo) machine!: MachineInfo;
  @Field(() => Date) measuredAt!: Date;
}

@ObjectType()
export class ProfileBenchmarkParameters {
  @Field(() => [Int]) sizes!: number[];
  @Field(() => [String]) precisions!: string[];
  @Field(() => Int, { nullable: true, description: 'Accuracy on the first this many images; null: all' })
  maxImages!: number | null;
  @Field(() => [Int]) batchSizes!: number[];
  @Field(() => Int) speedRounds!: number;
  @Field() imagesDir!: string;
  @Field() annotationsFile!: string;
  @Field({ description: 'Execution provider asked for' }) provider!: string;
}

@ObjectType()
export class ProfileProgressLine {
  @Field({ description: 'build, accuracy, memory or speed' }) phase!: string;
  @Field() message!: string;
  @Field(() => Date) at!: Date;
}

@ObjectType({ description: 'A benchmark of a model version’s profiles, run in a separate process' })
export class ProfileBenchmarkJob {
  @Field(() => ID) id!: string;
  @Field() model!: string;
  @Field() version!: string;
  @Field(() => ProfileJobStatus) status!: ProfileJobStatus;
  @Field(() => ProfileBenchmarkParameters) parameters!: ProfileBenchmarkParameters;
  @Field(() => String, { nullable: true, description: 'The latest phase: build, accuracy, memory or speed' })
  phase!: string | null;
  @Field(() => String, { nullable: true, description: 'What it is doing' }) message!: string | null;
  @Field(() => [ProfileProgressLine], { description: 'The last progress lines, oldest first' })
  progress!: ProfileProgressLine[];
  @Field(() => String, { nullable: true, description: 'Why it failed, or who cancelled it' }) error!:
    string | null;
  @Field(() => ID, { nullable: true }) requestedByKeyId!: string | null;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date, { nullable: true }) startedAt!: Date | null;
  @Field(() => Date, { nullable: true }) finishedAt!: Date | null;
  @Field(() => [ProfileResult], { description: 'Stored when it succeeds' }) results!: ProfileResult[];
}

@ObjectType()
export class ProfileBenchmarkJobConnection extends Connection(ProfileBenchmarkJob) {}

@InputType({
  description: 'Omitted fields: every baked size, every profile, all images, the full speed plan',
})
export class StartProfileBenchmarkInput {
  @Field() @MaxLength(64) model!: string;
  @Field(() => [Int], { nullable: true, description: 'Input sizes with an fp32 artifact baked at them' })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(8)
  sizes?: number[];
  @Field(() => [String], { nullable: true, description: 'Profiles: fp32, fp16, fp16-storage, int8, int4' })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(5)
  precisions?: string[];
  @Field(() => Int, { nullable: true, description: 'Measure accuracy on the first this many images only' })
  @IsOptional()
  @Min(1)
  maxImages?: number;
  @Field(() => [Int], { nullable: true, description: 'Batch sizes timed (default 1, 2, 4, 8)' })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(8)
  batchSizes?: number[];
  @Field(() => Int, { nullable: true, description: 'Interleaved speed rounds (default 5)' })
  @IsOptional()
  @Min(1)
  @Max(50)
  speedRounds?: number;
  @Field({
    nullable: true,
    description: 'Evaluation images folder on the server; default: the configured set',
  })
  @IsOptional()
  imagesDir?: string;
  @Field({ nullable: true, description: 'COCO instances file for imagesDir' })
  @IsOptional()
  annotationsFile?: string;
}
