import { Arg, Args, Ctx, Query, Resolver } from 'type-graphql';

import type { Context } from '../request/request.context';
import { Connection, PageArgs } from '../../graphql/pagination';
import { SigningFilter } from './signing.input';
import { Signing, SigningOrder } from './signing.type';

const SigningConnection = Connection(Signing, 'Signing');

@Resolver()
export class SigningResolver {
  @Query(() => SigningConnection, {
    description:
      'Who signed what with whom under which forum: one row per signatory and document (SIGNED ties), with the ' +
      'party signed for, the forum, the document parties and the other signatories; filtered, a page at a time.',
  })
  signings(
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
    @Arg('filter', () => SigningFilter, { nullable: true }) filter?: SigningFilter,
    @Arg('orderBy', () => SigningOrder, { defaultValue: SigningOrder.DATE_DESC })
    orderBy: SigningOrder = SigningOrder.DATE_DESC,
  ) {
    return ctx.services.signing.list(filter, orderBy, page);
  }
}
