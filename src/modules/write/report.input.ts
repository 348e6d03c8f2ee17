import { ArrayMaxSize, IsOptional, Length, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Field, Float, InputType } from 'type-graphql';

import { DocumentInput } from '../document/document.input';
import { FigureInput } from '../figure/figure.input';
import { ForumInput } from '../forum/forum.input';
import { OfficialInput } from '../official/official.input';
import { OrganizationInput } from '../organization/organization.input';
import { RegionInput } from '../region/region.input';
import { SectorInput } from '../sector/sector.input';
import { SourceInput } from '../source/source.input';
import { MAX_QUOTE_LENGTH } from '../entity/entity.input';
import { TieDetailsInput } from '../tie/tie.input';

export const MAX_REPORT_ENTITIES = 2000;
export const MAX_REPORT_TIES = 5000;

@InputType({ description: 'One entity a report states. Set exactly one of the typed fields.' })
export class ReportEntityInput {
  @Field({ description: 'A name for this entity within the report, used by ties (e.g. "zhumangarin").' })
  @Length(1, 120)
  ref!: string;

  @Field(() => String, { nullable: true, description: 'Where in the source this entity is stated, e.g. "¶5".' })
  @IsOptional()
  @MaxLength(200)
  locator?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The words of the source that state it, verbatim; kept with the locator as its provenance.',
  })
  @IsOptional()
  @Length(1, MAX_QUOTE_LENGTH)
  quote?: string | null;

  @Field(() => Float, {
    nullable: true,
    description: 'How sure a drafting tool was of it (0 to 1), as `extract` writes drafts; not stored.',
  })
  @IsOptional()
  @Min(0)
  @Max(1)
  confidence?: number | null;

  @Field(() => RegionInput, { nullable: true }) @IsOptional() @ValidateNested() region?: RegionInput | null;
  @Field(() => OrganizationInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  organization?: OrganizationInput | null;
  @Field(() => OfficialInput, { nullable: true }) @IsOptional() @ValidateNested() official?: OfficialInput | null;
  @Field(() => ForumInput, { nullable: true }) @IsOptional() @ValidateNested() forum?: ForumInput | null;
  @Field(() => DocumentInput, { nullable: true }) @IsOptional() @ValidateNested() document?: DocumentInput | null;
  @Field(() => SectorInput, { nullable: true }) @IsOptional() @ValidateNested() sector?: SectorInput | null;
  @Field(() => FigureInput, { nullable: true }) @IsOptional() @ValidateNested() figure?: FigureInput | null;
}

@InputType({
  description: 'One tie a report states. `from`, `to` and `onBehalfOf` are refs of the report or ids in the graph.',
})
export class ReportTieInput extends TieDetailsInput {
  @Field({ description: 'A ref from this report, or the id of an entity in the graph.' })
  @Length(1, 130)
  from!: string;

  @Field({ description: 'A ref from this report, or the id of an entity in the graph.' })
  @Length(1, 130)
  to!: string;

  @Field(() => String, { nullable: true, description: 'SIGNED and ATTENDED only: a ref or id of the party acted for.' })
  @IsOptional()
  @Length(1, 130)
  onBehalfOf?: string | null;

  @Field(() => String, { nullable: true, description: 'Where in the source this tie is stated.' })
  @IsOptional()
  @MaxLength(200)
  locator?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The words of the source that state it, verbatim; kept with the locator as its provenance.',
  })
  @IsOptional()
  @Length(1, MAX_QUOTE_LENGTH)
  quote?: string | null;

  @Field(() => Float, {
    nullable: true,
    description: 'How sure a drafting tool was of it (0 to 1), as `extract` writes drafts; not stored.',
  })
  @IsOptional()
  @Min(0)
  @Max(1)
  confidence?: number | null;
}

@InputType({ description: 'One source and the facts it states, applied together or not at all.' })
export class ReportInput {
  @Field(() => SourceInput, { description: 'The source; resolved by id or title, created when new.' })
  @ValidateNested()
  source!: SourceInput;

  @Field(() => [ReportEntityInput], { description: 'The entities the source states.' })
  @ArrayMaxSize(MAX_REPORT_ENTITIES)
  @ValidateNested({ each: true })
  entities!: ReportEntityInput[];

  @Field(() => [ReportTieInput], { defaultValue: [], description: 'The ties the source states.' })
  @ArrayMaxSize(MAX_REPORT_TIES)
  @ValidateNested({ each: true })
  ties!: ReportTieInput[];
}
