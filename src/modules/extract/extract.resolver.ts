import { Args, Ctx, Query, Resolver } from 'type-graphql';

import type { Context } from '../request/request.context';
import { BadUserInputError } from '../../errors';
import { ExtractReportArgs } from './extract.input';
import { DraftReport } from './extract.type';
import { FIELD_OF_TYPE } from './report';

@Resolver()
export class ExtractResolver {
  @Query(() => DraftReport, {
    description:
      'Drafts a report from a news text, offline and without writing anything: the entities and ties it states, ' +
      'each with its quote, confidence and, for entities, the stored entities it may be.',
  })
  async extractReport(
    @Args(() => ExtractReportArgs) args: ExtractReportArgs,
    @Ctx() ctx: Context,
  ): Promise<DraftReport> {
    if (args.text.trim().length === 0) throw BadUserInputError.forField('text', 'must not be empty');
    const source = args.source
      ? {
          name: args.source.name,
          ...(args.source.publisher ? { publisher: args.source.publisher } : {}),
          ...(args.source.url ? { url: args.source.url } : {}),
          ...(args.source.publishedOn ? { publishedOn: args.source.publishedOn } : {}),
        }
      : {};
    const draft = await ctx.services.extract.extract(args.text, source);
    return {
      source: draft.source,
      entities: draft.entities.map((entity) => {
        const type = Object.entries(FIELD_OF_TYPE).find(([, field]) => entity[field])?.[0] ?? 'Region';
        return { ...entity, type, candidates: draft.candidates[entity.ref] ?? [] } as DraftReport['entities'][number];
      }),
      ties: draft.ties,
    };
  }
}
