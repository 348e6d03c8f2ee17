import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'What became of one entity of a report.' })
export class IngestedEntity {
  @Field({ description: 'The ref the report gave it.' })
  ref!: string;

  @Field(() => ID, { description: 'The id it resolved to, or was created with.' })
  id!: string;

  @Field({ description: 'The entity type.' })
  type!: string;

  @Field({ description: 'Whether it was new; false when it resolved to an entity already in the graph.' })
  created!: boolean;
}

@ObjectType({ description: 'The outcome of ingesting a report: all of it was applied, in one transaction.' })
export class IngestResult {
  @Field(() => ID, {
    nullable: true,
    description: 'The change the report made (see `history`, `revertChange`); null when it stated nothing new.',
  })
  changeId!: string | null;

  @Field(() => ID, { description: 'The id of the source.' })
  sourceId!: string;

  @Field(() => [IngestedEntity], { description: 'Each entity of the report with the id it resolved to.' })
  entities!: IngestedEntity[];

  @Field(() => Int, { description: 'Ties that did not exist before.' })
  tiesCreated!: number;

  @Field(() => Int, { description: 'Ties that existed already (the statement was added to their sources).' })
  tiesMatched!: number;
}
