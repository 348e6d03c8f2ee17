import type { FieldProblem } from '../../errors';
import { parsePartialDate } from '../../graphql/partial-date';
import { TIE_SPECS } from '../entity/entity.model';
import type { TieDetailsInput } from '../tie/tie.input';

/** Checks tie details against the catalog; returns problems named under `path`. */
export function tieDetailProblems(
  details: TieDetailsInput & { onBehalfOf?: string | null },
  path: string,
): FieldProblem[] {
  const spec = TIE_SPECS[details.type];
  const problems: FieldProblem[] = [];
  for (const property of ['title', 'role', 'onBehalfOf', 'since', 'until'] as const) {
    const value = details[property];
    if (value !== undefined && value !== null && !spec.properties.includes(property)) {
      problems.push({ field: `${path}.${property}`, message: `a ${details.type} tie takes no ${property}` });
    }
  }
  if (spec.roles && details.role && !spec.roles.includes(details.role)) {
    problems.push({
      field: `${path}.role`,
      message: `"${details.role}" is not a role of a ${details.type} tie; one of ${spec.roles.join(', ')}`,
    });
  }
  if (spec.distinguishedBy === 'title' && !details.title) {
    problems.push({ field: `${path}.title`, message: `a ${details.type} tie needs a title` });
  }
  return problems;
}

/**
 * The stored details of a tie. `replace` (updateTie) sets every detail, removing those left out;
 * otherwise a restatement only adds details, and the title stays as first stated (it is the key).
 */
export function tieProps(
  details: TieDetailsInput,
  onBehalfOf: string | null,
  replace: boolean,
): Record<string, unknown> {
  const since = details.since ? parsePartialDate(details.since) : undefined;
  const until = details.until ? parsePartialDate(details.until) : undefined;
  const props = {
    title: details.title ?? null,
    role: details.role ?? null,
    onBehalfOf,
    since: since?.date ?? null,
    sincePrecision: since?.precision ?? null,
    until: until?.date ?? null,
    untilPrecision: until?.precision ?? null,
  };
  if (replace) return props;
  return Object.fromEntries(Object.entries(props).filter(([key, value]) => value !== null && key !== 'title'));
}
