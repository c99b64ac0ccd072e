import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Max, Min } from 'class-validator';

@ObjectType({ description: '0 in any field: unlimited' })
export class KeyLimits {
  @Field(() => Int) requestsPerSecond!: number;
  @Field(() => Int, { description: 'Requests allowed over the rate within each 10 s' }) burst!: number;
  @Field(() => Int, { description: 'Images detect and detectBatch may take per UTC day' })
  imagesPerDay!: number;
}

@ObjectType({ description: 'Null: the default applies' })
export class KeyLimitOverrides {
  @Field(() => Int, { nullable: true }) requestsPerSecond!: number | null;
  @Field(() => Int, { nullable: true }) burst!: number | null;
  @Field(() => Int, { nullable: true }) imagesPerDay!: number | null;
}

@ObjectType()
export class ApiKeyLimits {
  @Field(() => ID) keyId!: string;
  @Field(() => KeyLimits, { description: 'What applies now' }) effective!: KeyLimits;
  @Field(() => KeyLimitOverrides) overrides!: KeyLimitOverrides;
  @Field(() => KeyLimits, { description: 'The configured defaults (WANSHI_KEY_*)' }) defaults!: KeyLimits;
}

@InputType({ description: 'Omitted: unchanged; null: back to the default; 0: unlimited' })
export class ApiKeyLimitsInput {
  @Field(() => Int, { nullable: true }) @Min(0) @Max(1_000_000) requestsPerSecond?: number | null;
  @Field(() => Int, { nullable: true }) @Min(0) @Max(1_000_000) burst?: number | null;
  @Field(() => Int, { nullable: true }) @Min(0) @Max(1_000_000) imagesPerDay?: number | null;
}

@ObjectType({ description: "One key's use on one UTC day" })
export class UsageDay {
  @Field(() => ID) keyId!: string;
  @Field() keyName!: string;
  @Field({ description: 'YYYY-MM-DD (UTC)' }) day!: string;
  @Field(() => Int, { description: 'Successful detect / detectBatch calls (a batch is one)' })
  detections!: number;
  @Field(() => Int, { description: 'Images in them' }) images!: number;
  @Field(() => Int) objects!: number;
  @Field(() => Int, { description: 'detect / detectBatch calls that failed' }) errors!: number;
  @Field(() => Int, { description: 'Requests refused by the rate limit or the image quota' })
  rateLimited!: number;
}
