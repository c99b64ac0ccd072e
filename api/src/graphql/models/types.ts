import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Precision } from '../common/precision';
import { ServingPolicy } from '../common/serving-policy';

@ObjectType({ description: 'One built file of a model version: a precision at an input size' })
export class Artifact {
  @Field(() => Precision) precision!: Precision;
  @Field(() => Int, { nullable: true, description: 'null when the input size is symbolic' }) inputSize!:
    number | null;
  @Field() sha256!: string;
  @Field(() => Float) bytes!: number;
}

export enum DefaultProfileSource {
  ADMIN = 'admin',
  MEASURED = 'measured',
  RULE = 'rule',
  MANIFEST = 'manifest',
}
registerEnumType(DefaultProfileSource, {
  name: 'DefaultProfileSource',
  description:
    "ADMIN: set with setDefaultProfile and kept; MEASURED: the fastest profile within 0.5 mAP points of fp32 in a profile benchmark on this provider; RULE: the provider's rule (cpu: int8 at 320; GPU: fp16 at 320); MANIFEST: the model manifest's default",
});

@ObjectType({ description: 'Why a model version serves the default profile it does' })
export class DefaultProfileBasis {
  @Field(() => DefaultProfileSource) source!: DefaultProfileSource;
  @Field(() => String, { nullable: true, description: 'The execution provider it was chosen for' })
  provider!: string | null;
  @Field({ description: 'The measured comparison, or the rule and the evidence behind it' }) reason!: string;
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
  @Field(() => DefaultProfileBasis) defaultProfileBasis!: DefaultProfileBasis;
  @Field(() => [Artifact]) artifacts!: Artifact[];
  @Field(() => Date) createdAt!: Date;
  @Field(() => ServingPolicy, {
    nullable: true,
    description:
      'The limits its artifacts are served under; null when its folder is missing from the model repository',
  })
  // Resolved by ModelResolver from the model repository, so the services' views need not carry it.
  servingPolicy?: ServingPolicy | null;
}
