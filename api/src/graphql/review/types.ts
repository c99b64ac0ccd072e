import { ArrayMaxSize, IsOptional, Max, MaxLength, Min } from 'class-validator';
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Box, Detection } from '../detection/types';
import { Label } from '../labels/types';

// Enum values are the database's lower-case names, so service views pass through unchanged.
export enum ReviewStatus {
  NOT_QUEUED = 'NOT_QUEUED',
  QUEUED = 'QUEUED',
  REVIEWED = 'REVIEWED',
}
registerEnumType(ReviewStatus, { name: 'ReviewStatus' });

export enum ReviewReason {
  LOW_SCORE = 'low_score',
  BORDERLINE = 'borderline',
  WATCHED_CLASS = 'watched_class',
  RANDOM = 'random',
  FLAGGED = 'flagged',
}
registerEnumType(ReviewReason, {
  name: 'ReviewReason',
  description: 'Why a detection entered the review queue',
});

export enum Verdict {
  CORRECT = 'correct',
  WRONG_LABEL = 'wrong_label',
  NOT_OBJECT = 'not_object',
}
registerEnumType(Verdict, {
  name: 'Verdict',
  valuesConfig: { NOT_OBJECT: { description: 'A false positive: there is no object there' } },
});

@ObjectType({ description: "A reviewer's verdict on a detected object" })
export class ObjectReview {
  @Field(() => Verdict) verdict!: Verdict;
  @Field(() => Label, { nullable: true, description: 'The right label, for WRONG_LABEL' })
  correctedLabel!: Label | null;
  @Field(() => ID, { nullable: true, description: "The reviewer's API key id" }) reviewer!: string | null;
  @Field(() => Date) at!: Date;
}

@ObjectType({ description: 'An object the model missed, drawn by a reviewer' })
export class MissedObject {
  @Field(() => Label) label!: Label;
  @Field(() => Box) box!: Box;
}

@ObjectType()
export class DetectionReview {
  @Field(() => ReviewStatus) status!: ReviewStatus;
  @Field(() => [ReviewReason]) reasons!: ReviewReason[];
  @Field(() => Float, {
    nullable: true,
    description: 'Queue order while queued: 1 = an object exactly at its threshold',
  })
  priority!: number | null;
  @Field(() => Date, { nullable: true }) flaggedAt!: Date | null;
  @Field(() => String, { nullable: true }) flagReason!: string | null;
  @Field(() => ID, { nullable: true }) reviewer!: string | null;
  @Field(() => Date, { nullable: true }) reviewedAt!: Date | null;
  @Field(() => [MissedObject]) missed!: MissedObject[];
}

@ObjectType({ description: 'A queued detection held by one reviewer, so that other reviewers skip it' })
export class ReviewClaim {
  @Field(() => ID) detectionId!: string;
  @Field(() => Date, {
    description: 'When the claim lapses unless the detection is reviewed or claimed again first',
  })
  claimedUntil!: Date;
}

@ObjectType()
export class ReviewQueue {
  @Field(() => Int, { description: 'Detections waiting for review (not held by another reviewer)' })
  totalCount!: number;
  @Field(() => [Detection], { description: 'The head of the queue: flagged first, then by priority' })
  items!: Detection[];
}

@ObjectType()
export class ReviewRules {
  @Field() enabled!: boolean;
  @Field(() => Float, { nullable: true, description: 'Sample detections with an object scoring below this' })
  lowScoreBelow!: number | null;
  @Field(() => Float, {
    nullable: true,
    description: 'Sample detections with an object this close to its threshold',
  })
  borderlineMargin!: number | null;
  @Field(() => [String], { description: 'Sample every detection with one of these label keys' })
  watchedClasses!: string[];
  @Field(() => Float, { description: 'Share of all detections sampled at random (0–1)' })
  randomShare!: number;
  @Field(() => Int) hourlyCap!: number;
  @Field(() => Int) dailyCap!: number;
}

@InputType()
export class ReviewRulesInput {
  @Field() enabled!: boolean;
  @Field(() => Float, { nullable: true }) @IsOptional() @Min(0) @Max(1) lowScoreBelow!: number | null;
  @Field(() => Float, { nullable: true }) @IsOptional() @Min(0) @Max(1) borderlineMargin!: number | null;
  @Field(() => [String]) @ArrayMaxSize(200) watchedClasses!: string[];
  @Field(() => Float) @Min(0) @Max(1) randomShare!: number;
  @Field(() => Int) @Min(0) hourlyCap!: number;
  @Field(() => Int) @Min(0) dailyCap!: number;
}

@InputType()
export class BoxInput {
  @Field(() => Float) x!: number;
  @Field(() => Float) y!: number;
  @Field(() => Float) width!: number;
  @Field(() => Float) height!: number;
}

@InputType()
export class ObjectVerdictInput {
  @Field(() => ID) objectId!: string;
  @Field(() => Verdict) verdict!: Verdict;
  @Field({ nullable: true, description: 'Label key, for WRONG_LABEL' })
  @IsOptional()
  @MaxLength(64)
  correctedLabel?: string;
}

@InputType()
export class MissedObjectInput {
  @Field({ description: 'Label key' }) @MaxLength(64) label!: string;
  @Field(() => BoxInput, { description: 'In original-image pixels' }) box!: BoxInput;
}

@InputType()
export class ReviewDetectionInput {
  @Field(() => ID) detectionId!: string;
  @Field(() => [ObjectVerdictInput], { description: 'One verdict for every object of the detection' })
  objects!: ObjectVerdictInput[];
  @Field(() => [MissedObjectInput], { nullable: true }) missed?: MissedObjectInput[];
}

@ObjectType()
export class ClassReviewStats {
  @Field(() => Label) label!: Label;
  @Field(() => Int, { description: 'Reviewed objects the model called this class' }) predicted!: number;
  @Field(() => Int) correct!: number;
  @Field(() => Int) wrongLabel!: number;
  @Field(() => Int) notObject!: number;
  @Field(() => Int, { description: 'Objects of this class the model missed' }) missed!: number;
  @Field(() => Float, { nullable: true, description: 'correct / predicted' }) precision!: number | null;
  @Field(() => Float, { nullable: true, description: 'correct / objects of this class on reviewed images' })
  recall!: number | null;
}

@ObjectType({ description: 'How often the model predicted one class where the reviewer saw another' })
export class ConfusionCell {
  @Field(() => Label, {
    nullable: true,
    description: 'null: background (the model saw nothing: a missed object)',
  })
  predicted!: Label | null;
  @Field(() => Label, { nullable: true, description: 'null: background (nothing there: a false positive)' })
  actual!: Label | null;
  @Field(() => Int) count!: number;
}

@ObjectType()
export class ReviewDay {
  @Field({ description: 'YYYY-MM-DD' }) day!: string;
  @Field(() => Int) images!: number;
  @Field(() => Int) objects!: number;
  @Field(() => Int) correct!: number;
  @Field(() => Int) missed!: number;
  @Field(() => Float, { nullable: true }) precision!: number | null;
}

@ObjectType({ description: 'What the verdicts on reviewed detections say about the model' })
export class ReviewStats {
  @Field(() => Int, { description: 'Reviewed images' }) images!: number;
  @Field(() => Int, { description: 'Reviewed objects' }) objects!: number;
  @Field(() => Int) correct!: number;
  @Field(() => Int) missed!: number;
  @Field(() => Float, { nullable: true }) precision!: number | null;
  @Field(() => [ClassReviewStats]) classes!: ClassReviewStats[];
  @Field(() => [ConfusionCell], {
    description: 'Every non-empty cell, diagonal included, most frequent first',
  })
  confusion!: ConfusionCell[];
  @Field(() => [ConfusionCell], {
    description: "The model's mistakes (off-diagonal cells), most frequent first",
  })
  mostConfused!: ConfusionCell[];
  @Field(() => [ReviewDay], { description: 'By detection day, oldest first' }) days!: ReviewDay[];
}
