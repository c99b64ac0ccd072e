import { Field, ID, ObjectType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { Connection } from '../common/pagination';

@ObjectType({ description: 'One admin change: who, what, and the state before and after' })
export class AuditEntry {
  @Field(() => ID) id!: string;
  @Field(() => ID, { nullable: true, description: 'null for changes the server made itself' })
  actorKeyId!: string | null;
  @Field() action!: string;
  @Field() entity!: string;
  @Field(() => GraphQLJSON, { nullable: true }) before!: unknown;
  @Field(() => GraphQLJSON, { nullable: true }) after!: unknown;
  @Field(() => Date) at!: Date;
}

@ObjectType()
export class AuditEntryConnection extends Connection(AuditEntry) {}
