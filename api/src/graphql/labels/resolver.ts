import { Arg, Authorized, Ctx, Field, Float, InputType, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../context';
import { categoryLevels } from '../../labels/categories';
import { InputError } from '../../services/errors';
import { Label, LabelCategory, LabelChange, LabelSetSummary, LabelSetVersion } from './types';

@InputType({ description: 'Changes to one label of a label set draft; omitted fields stay as they are' })
class UpdateLabelInput {
  @Field() labelSet!: string;
  @Field() key!: string;
  @Field({ nullable: true, description: 'Marks the name as the admin’s (checked); pinyin follows it' })
  zh?: string;
  @Field(() => [String], { nullable: true }) aliases?: string[];
  @Field({ nullable: true }) category?: string;
  @Field({ nullable: true }) color?: string;
  @Field({ nullable: true }) enabled?: boolean;
  @Field(() => Float, { nullable: true, description: 'Send null to use the request threshold' })
  minScore?: number | null;
  @Field(() => [String], { nullable: true, description: 'Model classes the label covers' })
  classes?: string[];
  @Field(() => [String], { nullable: true, description: 'Categories whose classes it covers' })
  categories?: string[];
}

@InputType()
class AddLabelInput {
  @Field() labelSet!: string;
  @Field() key!: string;
  @Field({ nullable: true, description: 'Default: named from the key (curated lists, dictionary)' })
  zh?: string;
  @Field(() => [String], { nullable: true }) aliases?: string[];
  @Field({ nullable: true }) category?: string;
  @Field({ nullable: true, description: 'Default: from the category' }) color?: string;
  @Field(() => [String], { nullable: true }) classes?: string[];
  @Field(() => [String], { nullable: true }) categories?: string[];
}

@InputType()
class CreateLabelSetInput {
  @Field() key!: string;
  @Field() name!: string;
  @Field({ nullable: true }) description?: string;
  @Field({ nullable: true, description: 'Key of a label set to copy' }) cloneFrom?: string;
  @Field(() => Int, { nullable: true, description: 'Published version to copy; default the latest' })
  cloneVersion?: number;
  @Field(() => [String], {
    nullable: true,
    description: 'Model class keys: each becomes a label with its Chinese name, pinyin, category and colour',
  })
  classes?: string[];
  @Field({ nullable: true, description: 'With classes: publish them as version 1 at once' })
  publish?: boolean;
}

/** GraphQL leaves omitted fields undefined but sends explicit nulls; services treat undefined as "keep". */
function definedFields<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<T>;
}

@Resolver()
export class LabelResolver {
  @Authorized()
  @Query(() => [LabelSetSummary])
  labelSets(@Ctx() { services }: GraphQLContext): Promise<LabelSetSummary[]> {
    return services.labels.listLabelSets();
  }

  @Authorized()
  @Query(() => LabelSetVersion, { description: 'A version of a label set: the latest published by default' })
  labelSet(
    @Ctx() { services }: GraphQLContext,
    @Arg('key') key: string,
    @Arg('version', () => Int, { nullable: true }) version?: number,
    @Arg('draft', { nullable: true }) draft?: boolean,
  ): Promise<LabelSetVersion> {
    return services.labels.getVersion(key, draft ? 'draft' : version);
  }

  @Authorized()
  @Query(() => [LabelCategory], {
    description:
      'The categories a label can have, fine then coarse, each with the coarse one it counts under',
  })
  labelCategories(): LabelCategory[] {
    return categoryLevels();
  }

  @Authorized()
  @Query(() => [LabelChange], { description: 'What publishing the draft would change' })
  labelSetDiff(@Ctx() { services }: GraphQLContext, @Arg('key') key: string): Promise<LabelChange[]> {
    return services.labels.diffDraft(key);
  }

  @Mutation(() => LabelSetSummary)
  createLabelSet(
    @Ctx() { services, principal }: GraphQLContext,
    @Arg('input') input: CreateLabelSetInput,
  ): Promise<LabelSetSummary> {
    const { cloneFrom, cloneVersion, ...set } = input;
    if (cloneFrom && set.classes)
      throw new InputError('Give cloneFrom or classes, not both', { field: 'classes' });
    return cloneFrom
      ? services.labels.cloneLabelSet(principal, { ...set, from: cloneFrom, fromVersion: cloneVersion })
      : services.labels.createLabelSet(principal, set);
  }

  @Mutation(() => Label, { description: 'Edits a label in the draft (made from the latest version if none)' })
  updateLabel(
    @Ctx() { services, principal }: GraphQLContext,
    @Arg('input') input: UpdateLabelInput,
  ): Promise<Label> {
    const { labelSet, key, ...patch } = input;
    return services.labels.updateDraftLabel(principal, labelSet, key, definedFields(patch));
  }

  @Mutation(() => Label, { description: 'Adds a label to the draft' })
  addLabel(
    @Ctx() { services, principal }: GraphQLContext,
    @Arg('input') input: AddLabelInput,
  ): Promise<Label> {
    const { labelSet, ...label } = input;
    return services.labels.addDraftLabel(principal, labelSet, definedFields(label) as typeof label);
  }

  @Mutation(() => LabelSetVersion, { description: 'Freezes the draft as the next version' })
  publishLabelSet(
    @Ctx() { services, principal }: GraphQLContext,
    @Arg('key') key: string,
    @Arg('note', { nullable: true }) note?: string,
  ): Promise<LabelSetVersion> {
    return services.labels.publishDraft(principal, key, note ?? '');
  }
}
