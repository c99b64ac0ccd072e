import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Precision } from '../common/precision';

@ObjectType({ description: 'One built file of a model version: a precision at an input size' })
export class Artifact {
  @Field(() => Precision) precision!: Precision;
  @Field(() => Int, { nullable: true, description: 'null when the input size is symbolic' }) inputSize!:
    number | null;
  @Field() sha256!: string;
  @Field(() => Float) bytes!: number;
}

@ObjectType()
export class ModelVersion {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field() version!: string;
  @Field() family!: string;
  @Field() labelSet!: string;
  @Field() active!: boolean;
  @Field(() => Precision) defaultPrecision!: Precision;
  @Field(() => Int) defaultInputSize!: number;
  @Field(() => [Artifact]) artifacts!: Artifact[];
  @Field(() => Date) createdAt!: Date;
}
