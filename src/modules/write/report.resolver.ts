import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';

import type { Context } from '../request/request.context';
import { Role } from '../auth/auth.roles';
import { ReportInput } from './report.input';
import { IngestResult } from './report.type';

@Resolver()
export class ReportResolver {
  @Authorized(Role.Editor)
  @Mutation(() => IngestResult, {
    description:
      'Applies one source and the facts it states in one transaction (all or nothing). Entities resolve by id, ' +
      'then by name and alias, so nothing is duplicated; ingesting the same report again changes nothing.',
  })
  ingestReport(@Arg('report', () => ReportInput) report: ReportInput, @Ctx() ctx: Context) {
    return ctx.services.write.ingestReport(report);
  }
}
