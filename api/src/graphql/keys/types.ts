import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { MaxLength, MinLength } from 'class-validator';

export enum Role {
  APP = 'app',
  REVIEWER = 'reviewer',
  ADMIN = 'admin',
}
registerEnumType(Role, {
  name: 'Role',
  description: 'app: detect and its own history; reviewer: read history, review; admin: everything',
});

@ObjectType()
export class ApiKey {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field({ description: 'First characters of the key, to recognise it' }) prefix!: string;
  @Field(() => Role) role!: Role;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date, { nullable: true }) lastUsedAt!: Date | null;
  @Field(() => Date, { nullable: true }) revokedAt!: Date | null;
}

@ObjectType()
export class CreatedApiKey {
  @Field(() => ApiKey) apiKey!: ApiKey;
  @Field({ description: 'The key itself; shown once, only its hash is stored' }) secret!: string;
}

@InputType()
export class CreateApiKeyInput {
  @Field() @MinLength(1) @MaxLength(100) name!: string;
  @Field(() => Role) role!: Role;
}
