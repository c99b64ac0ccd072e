import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { NameSource } from '../../labels/naming/name-classes';

/** Where a label's Chinese name came from; values are the service's (lower case), names GraphQL's. */
export enum LabelNameSource {
  CURATED = 'curated',
  DICTIONARY = 'dictionary',
  ADMIN = 'admin',
  UNTRANSLATED = 'untranslated',
}
registerEnumType(LabelNameSource, {
  name: 'LabelNameSource',
  description:
    'CURATED: a checked list; DICTIONARY: the RAM dictionary, to check; ADMIN: saved by an admin; UNTRANSLATED: zh is the English key',
});

@ObjectType({ description: 'A class of the detector as users see it: a Chinese name over a stable key' })
export class Label {
  @Field({ description: 'Stable key (the English COCO name); never shown as the primary label' })
  key!: string;
  @Field({ description: 'Chinese display name' }) zh!: string;
  @Field(() => [String]) aliases!: string[];
  @Field() pinyin!: string;
  @Field() category!: string;
  @Field({ description: '#rrggbb' }) color!: string;
  @Field() enabled!: boolean;
  @Field(() => Float, {
    nullable: true,
    description: 'Per-class minimum score; null uses the request minScore',
  })
  minScore!: number | null;
  @Field(() => LabelNameSource) nameSource!: NameSource;
  @Field(() => [String], { description: 'Model classes this label covers; empty: the class named key' })
  classes!: string[];
  @Field(() => [String], {
    description: 'Also covers the classes of these categories (fine or coarse, e.g. 车)',
  })
  categories!: string[];
}

@ObjectType({ description: 'A category a label can have: one of the 16 fine ones or the five coarse ones' })
export class LabelCategory {
  @Field() name!: string;
  @Field({ description: 'FINE or COARSE' }) level!: 'FINE' | 'COARSE';
  @Field(() => String, {
    nullable: true,
    description: 'The coarse category it counts under (itself for a coarse one; null: none)',
  })
  coarse!: string | null;
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
