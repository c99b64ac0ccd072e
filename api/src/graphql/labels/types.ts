import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A class of the detector as users see it: a Chinese name over a stable key' })
export class Label {
  @Field({ description: 'Stable key (the English COCO name); never shown as the primary label' }) key!: string;
  @Field({ description: 'Chinese display name' }) zh!: string;
  @Field(() => [String]) aliases!: string[];
  @Field() pinyin!: string;
  @Field() category!: string;
  @Field({ description: '#rrggbb' }) color!: string;
  @Field() enabled!: boolean;
  @Field(() => Float, { nullable: true, description: 'Per-class minimum score; null uses the request minScore' })
  minScore!: number | null;
}

@ObjectType()
export class LabelSetVersion {
  @Field() labelSet!: string;
  @Field(() => Int, { nullable: true, description: 'null for the draft' }) version!: number | null;
  @Field() status!: 'DRAFT' | 'PUBLISHED';
  @Field(() => Date, { nullable: true }) publishedAt!: Date | null;
  @Field(() => [Label]) labels!: Label[];
}

@ObjectType()
export class LabelSetSummary {
  @Field() key!: string;
  @Field() name!: string;
  @Field(() => Int, { nullable: true }) latestVersion!: number | null;
  @Field() hasDraft!: boolean;
}

@ObjectType({ description: 'One label that differs between the draft and the latest published version' })
export class LabelChange {
  @Field() key!: string;
  @Field() change!: 'ADDED' | 'REMOVED' | 'CHANGED';
  @Field(() => Label, { nullable: true }) before!: Label | null;
  @Field(() => Label, { nullable: true }) after!: Label | null;
}
