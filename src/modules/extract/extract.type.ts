import { Field, Float, ID, Int, ObjectType } from 'type-graphql';

import {
  DocumentKind,
  DocumentStatus,
  FigureMetric,
  ForumKind,
  OrganizationKind,
  RegionKind,
  ValueQualifier,
} from '../entity/entity.enums';
import { EntityType } from '../entity/entity.type';
import { TieType } from '../tie/tie.type';
import type { TieType as TieTypeName } from '../entity/entity.model';

// Drafts mirror ReportInput field for field, so a client can send an accepted draft to
// ingestReport after dropping `quote`, `confidence` and `candidates`.

@ObjectType({ description: 'A drafted source.' })
export class DraftSource {
  @Field() name!: string;
  @Field(() => String, { nullable: true }) publisher?: string;
  @Field(() => String, { nullable: true }) url?: string;
  @Field(() => String, { nullable: true, description: '"2023", "2023-03" or "2023-03-28".' }) publishedOn?: string;
}

@ObjectType({ description: 'A drafted region.' })
export class DraftRegion {
  @Field(() => ID, { nullable: true }) id?: string;
  @Field() name!: string;
  @Field(() => [String], { nullable: true }) aliases?: string[];
  @Field(() => RegionKind) kind!: RegionKind;
  @Field(() => String, { nullable: true }) iso2?: string;
  @Field(() => String, { nullable: true }) iso3?: string;
  @Field(() => String, { nullable: true }) isoNumeric?: string;
  @Field(() => String, { nullable: true }) isoSubdivision?: string;
}

@ObjectType({ description: 'A drafted organization.' })
export class DraftOrganization {
  @Field(() => ID, { nullable: true }) id?: string;
  @Field() name!: string;
  @Field(() => [String], { nullable: true }) aliases?: string[];
  @Field(() => OrganizationKind) kind!: OrganizationKind;
}

@ObjectType({ description: 'A drafted official or sector: a name.' })
export class DraftNamed {
  @Field(() => ID, { nullable: true }) id?: string;
  @Field() name!: string;
  @Field(() => [String], { nullable: true }) aliases?: string[];
}

@ObjectType({ description: 'A drafted forum.' })
export class DraftForum {
  @Field(() => ID, { nullable: true }) id?: string;
  @Field() name!: string;
  @Field(() => [String], { nullable: true }) aliases?: string[];
  @Field(() => ForumKind) kind!: ForumKind;
  @Field(() => Int, { nullable: true }) edition?: number;
  @Field(() => String, { nullable: true }) date?: string;
}

@ObjectType({ description: 'A drafted amount of money.' })
export class DraftMoney {
  @Field(() => Float) amount!: number;
  @Field() currency!: string;
  @Field(() => ValueQualifier) qualifier!: ValueQualifier;
}

@ObjectType({ description: 'A drafted document or group of documents.' })
export class DraftDocument {
  @Field(() => ID, { nullable: true }) id?: string;
  @Field(() => String, { nullable: true }) name?: string;
  @Field(() => String, { nullable: true }) title?: string;
  @Field(() => DocumentKind) kind!: DocumentKind;
  @Field(() => Int, { nullable: true, description: 'How many documents it stands for (1 when left out).' })
  count?: number;
  @Field(() => DocumentStatus, { nullable: true }) status?: DocumentStatus;
  @Field(() => String, { nullable: true }) signedOn?: string;
  @Field(() => DraftMoney, { nullable: true }) value?: DraftMoney;
}

@ObjectType({ description: 'A drafted figure.' })
export class DraftFigure {
  @Field(() => ID, { nullable: true }) id?: string;
  @Field(() => String, { nullable: true }) name?: string;
  @Field(() => FigureMetric) metric!: FigureMetric;
  @Field(() => Float) value!: number;
  @Field() unit!: string;
  @Field(() => ValueQualifier) qualifier!: ValueQualifier;
  @Field(() => String, { nullable: true }) period?: string;
  @Field(() => Float, { nullable: true }) changePercent?: number;
  @Field(() => Float, { nullable: true }) changeFactor?: number;
  @Field(() => Int, { nullable: true }) itemCount?: number;
  @Field(() => [String], { nullable: true }) items?: string[];
  @Field(() => String, { nullable: true }) description?: string;
}

@ObjectType({ description: 'A stored entity a drafted entity may be.' })
export class DraftCandidate {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => Float, {
    description: '1 when a name or alias is the same once folded; less as fewer words are shared.',
  })
  score!: number;
}

@ObjectType({ description: 'A drafted entity: a ref, where the text states it, its words, and one typed field.' })
export class DraftEntity {
  @Field() ref!: string;
  @Field({ description: 'The paragraph, e.g. "¶3" (¶1 is the first paragraph after the headline).' }) locator!: string;
  @Field({ description: 'The words of the text that state it, verbatim.' }) quote!: string;
  @Field(() => Float, { description: 'How sure the extractor is, from 0 to 1.' }) confidence!: number;
  @Field(() => EntityType) type!: string;
  @Field(() => DraftRegion, { nullable: true }) region?: DraftRegion;
  @Field(() => DraftOrganization, { nullable: true }) organization?: DraftOrganization;
  @Field(() => DraftNamed, { nullable: true }) official?: DraftNamed;
  @Field(() => DraftForum, { nullable: true }) forum?: DraftForum;
  @Field(() => DraftDocument, { nullable: true }) document?: DraftDocument;
  @Field(() => DraftNamed, { nullable: true }) sector?: DraftNamed;
  @Field(() => DraftFigure, { nullable: true }) figure?: DraftFigure;
  @Field(() => [DraftCandidate], { description: 'Stored entities of the same type it may be, best first (at most 5).' })
  candidates!: DraftCandidate[];
}

@ObjectType({ description: 'A drafted tie between refs of the draft.' })
export class DraftTie {
  @Field(() => TieType) type!: TieTypeName;
  @Field() from!: string;
  @Field() to!: string;
  @Field(() => String, { nullable: true }) title?: string;
  @Field(() => String, { nullable: true }) role?: string;
  @Field(() => String, { nullable: true }) onBehalfOf?: string;
  @Field() locator!: string;
  @Field() quote!: string;
  @Field(() => Float) confidence!: number;
}

@ObjectType({ description: 'A report drafted from a text: the ingestReport format, every statement with its quote.' })
export class DraftReport {
  @Field(() => DraftSource) source!: DraftSource;
  @Field(() => [DraftEntity]) entities!: DraftEntity[];
  @Field(() => [DraftTie]) ties!: DraftTie[];
}
