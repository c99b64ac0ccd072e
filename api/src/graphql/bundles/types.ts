import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType({
  description: "The server's latest profile benchmark of this profile at this size (not the device's speed)",
})
export class BundleMeasurement {
  @Field(() => Float, { description: 'Server inference images per second at its best batch size' })
  imagesPerSecond!: number;
  @Field(() => Float, { description: 'Server batch-1 latency, median' }) latencyP50Ms!: number;
  @Field(() => Float, { description: 'COCO mAP@[.5:.95] (0..1) on the annotated set' }) mAP!: number;
  @Field(() => Float, { description: 'mAP@.5 (0..1)' }) mAP50!: number;
  @Field({ description: 'Execution provider it ran on' }) provider!: string;
  @Field(() => Date) measuredAt!: Date;
}

@ObjectType({
  description: 'A model profile packed for on-device detection (ONNX, labels, input and decoder specs)',
})
export class DeviceBundle {
  @Field() model!: string;
  @Field() version!: string;
  @Field({ description: 'fp32, fp16, fp16-storage, int8 or int4' }) profile!: string;
  @Field({ description: 'The artifact precision (fp16-storage is fp16)' }) precision!: string;
  @Field(() => Int) inputSize!: number;
  @Field({ description: 'Download path: GET /bundles/<file> with Authorization: Bearer <key>' }) url!: string;
  @Field(() => Float, { description: 'Archive size in bytes' }) bytes!: number;
  @Field({ description: 'sha256 of the archive, also its ETag' }) sha256!: string;
  @Field(() => Float) modelBytes!: number;
  @Field() modelSha256!: string;
  @Field() labelSet!: string;
  @Field(() => Int) labelSetVersion!: number;
  @Field(() => BundleMeasurement, {
    nullable: true,
    description: 'null until a profile benchmark measured it',
  })
  measured!: BundleMeasurement | null;
}
