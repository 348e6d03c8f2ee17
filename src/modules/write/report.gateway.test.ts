import { GraphQLError } from 'graphql';

import { BadUserInputError, ErrorCode } from '../../errors';
import { ReportRefused, reportProblems } from './report.gateway';

describe('reportProblems', () => {
  it("takes validation problems' field paths, relative to the report", () => {
    const error = new BadUserInputError('x', [
      { field: 'report.entities[0].region.iso2', message: 'must be two letters' },
    ]);
    expect(reportProblems([error])).toEqual([{ field: 'entities[0].region.iso2', message: 'must be two letters' }]);
  });

  it('reads the path out of graphql-js coercion messages', () => {
    const errors = [
      'Variable "$report" got invalid value "PLANET" at "report.entities[0].region.kind"; Value "PLANET" does not exist in "RegionKind" enum.',
      'Variable "$report" got invalid value { kind: "COUNTRY" } at "report.entities[0].region"; Field "name" of required type "String!" was not provided.',
      'Variable "$report" got invalid value { colour: "red; blue" } at "report.entities[1].region"; Field "colour" is not defined by type "RegionInput". Did you mean "kind"?',
      'Variable "$report" got invalid value { entities: [] }; Field "source" of required type "SourceInput!" was not provided.',
      'Something else entirely',
    ].map((message) => new GraphQLError(message));
    expect(reportProblems(errors)).toEqual([
      { field: 'entities[0].region.kind', message: 'Value "PLANET" does not exist in "RegionKind" enum.' },
      { field: 'entities[0].region.name', message: 'is required (String!)' },
      { field: 'entities[1].region.colour', message: 'is not a field of RegionInput. Did you mean "kind"?' },
      { field: 'source', message: 'is required (SourceInput!)' },
      { field: null, message: 'Something else entirely' },
    ]);
    expect(new ReportRefused(ErrorCode.BadUserInput, reportProblems(errors.slice(1, 2)), 'a.yaml').message).toBe(
      'a.yaml: entities[0].region.name: is required (String!)',
    );
  });
});
