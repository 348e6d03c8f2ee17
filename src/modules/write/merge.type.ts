import { Field, ID, Int, ObjectType } from 'type-graphql';

import { Entity } from '../entity/entity.type';

@ObjectType({ description: 'What a merge moved (or, in a dry run, would move).' })
export class MergeResult {
  @Field(() => Entity, {
    nullable: true,
    description: 'The entity kept, as it is after the merge (null in a dry run).',
  })
  entity!: object | null;

  @Field(() => ID)
  keep!: string;

  @Field(() => [ID], { description: 'The entities merged into it, which now find it by their ids.' })
  merged!: string[];

  @Field({ description: 'Whether nothing was kept: what would happen, rolled back.' })
  dryRun!: boolean;

  @Field(() => Int, { description: 'Ties moved to the kept entity.' })
  tiesMoved!: number;

  @Field(() => Int, { description: 'Ties that became one with a tie it had; their sources were joined.' })
  tiesCombined!: number;

  @Field(() => Int, { description: 'Ties between the merged entities and the kept one, which would tie it to itself.' })
  tiesDropped!: number;

  @Field(() => [String], { description: 'Names of the merged entities that became aliases.' })
  aliasesAdded!: string[];

  @Field(() => ID, { nullable: true, description: 'The change the merge is; revert it (`revertChange`) to unmerge.' })
  changeId!: string | null;
}
