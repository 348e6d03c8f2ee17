/**
 * A generated graph with every level of a deep request filled, at any size: `forums` forums of a
 * series, `documents` documents (the first a package the others are part of) signed at them by
 * `officials` officials. Used to show that a request's query count does not grow with its rows.
 */
export interface DeepGraphSize {
  readonly forums: number;
  readonly documents: number;
  readonly officials: number;
}

export function deepGraphReport(prefix: string, size: DeepGraphSize): Record<string, unknown> {
  const key = prefix.toLowerCase();
  const entities: Record<string, unknown>[] = [
    { ref: 'country', region: { id: `region:${key}-land`, name: `${prefix} land`, kind: 'COUNTRY' } },
    { ref: 'province', region: { id: `region:${key}-province`, name: `${prefix} province`, kind: 'SUBNATIONAL' } },
    { ref: 'org-0', organization: { id: `org:${key}-0`, name: `${prefix} government`, kind: 'GOVERNMENT' } },
    { ref: 'org-1', organization: { id: `org:${key}-1`, name: `${prefix} ministry`, kind: 'MINISTRY' } },
    { ref: 'series', forum: { id: `forum:${key}-series`, name: `${prefix} forum series`, kind: 'SERIES' } },
  ];
  const ties: Record<string, unknown>[] = [
    { type: 'PART_OF', from: 'province', to: 'country' },
    { type: 'BASED_IN', from: 'org-0', to: 'country' },
    { type: 'BASED_IN', from: 'org-1', to: 'province' },
    { type: 'PART_OF', from: 'org-1', to: 'org-0' },
  ];
  for (let index = 0; index < 3; index += 1) {
    entities.push({
      ref: `sector-${index}`,
      sector: { id: `sector:${key}-${index}`, name: `${prefix} sector ${index}` },
    });
  }
  for (let index = 0; index < size.officials; index += 1) {
    entities.push({
      ref: `official-${index}`,
      official: { id: `official:${key}-${index}`, name: `${prefix} official ${index}` },
    });
    ties.push({ type: 'HOLDS', from: `official-${index}`, to: `org-${index % 2}`, title: `Member ${index}` });
  }
  for (let index = 0; index < size.forums; index += 1) {
    const forum = `forum-${index}`;
    entities.push({
      ref: forum,
      forum: {
        id: `forum:${key}-${index}`,
        name: `${prefix} forum ${index}`,
        kind: 'MEETING',
        date: `2020-01-${String((index % 28) + 1).padStart(2, '0')}`,
      },
    });
    entities.push({
      ref: `figure-${index}`,
      figure: { id: `figure:${key}-${index}`, metric: 'TRADE_VOLUME', value: index + 1, unit: 'USD', period: '2019' },
    });
    ties.push(
      { type: 'IN_SERIES', from: forum, to: 'series' },
      { type: 'HELD_IN', from: forum, to: 'country' },
      { type: 'INVOLVES', from: forum, to: 'province' },
      { type: 'INVOLVES', from: forum, to: 'org-1' },
      {
        type: 'ATTENDED',
        from: `official-${index % size.officials}`,
        to: forum,
        role: 'speaker',
        onBehalfOf: 'country',
      },
      { type: 'REPORTED_AT', from: `figure-${index}`, to: forum },
      { type: 'STATED_BY', from: `figure-${index}`, to: `official-${index % size.officials}` },
      { type: 'BETWEEN', from: `figure-${index}`, to: 'country' },
    );
  }
  for (let index = 0; index < size.documents; index += 1) {
    const document = `document-${index}`;
    entities.push({
      ref: document,
      document: {
        id: `doc:${key}-${index}`,
        name: `${prefix} document ${index}`,
        kind: index === 0 ? 'PACKAGE' : 'AGREEMENT',
        signedOn: '2020-01-01',
        value: { amount: 1000 * (index + 1), currency: 'USD' },
      },
    });
    ties.push(
      { type: 'SIGNED_AT', from: document, to: `forum-${index % size.forums}` },
      { type: 'BINDS', from: document, to: 'country' },
      { type: 'BINDS', from: document, to: `org-${index % 2}` },
      { type: 'COVERS', from: document, to: `sector-${index % 3}` },
      { type: 'SIGNED', from: `official-${index % size.officials}`, to: document, onBehalfOf: 'country' },
      { type: 'SIGNED', from: `official-${(index + 1) % size.officials}`, to: document, onBehalfOf: 'org-0' },
    );
    if (index > 0) ties.push({ type: 'PART_OF', from: document, to: 'document-0' });
  }
  return {
    source: { id: `source:${key}-report`, name: `${prefix} report` },
    entities: entities.map((entity) => ({ ...entity, locator: '¶1' })),
    ties: ties.map((tie) => ({ ...tie, locator: '¶2' })),
  };
}

/** Forums → documents → parties, sectors, signatures → signatories' positions, and more. */
export const DEEP_REQUEST = /* GraphQL */ `
  query Deep($text: String) {
    forums(first: 100, filter: { text: $text }) {
      totalCount
      nodes {
        id
        name
        date {
          value
        }
        place {
          id
          name
          parent {
            id
          }
        }
        series {
          id
          name
        }
        participants {
          ... on Region {
            id
            name
          }
          ... on Organization {
            id
            name
            region {
              id
            }
          }
        }
        attendance {
          role
          from {
            id
            name
            ... on Official {
              positions {
                title
                to {
                  id
                  name
                  ... on Organization {
                    region {
                      id
                    }
                  }
                }
              }
            }
          }
          onBehalfOf {
            ... on Region {
              id
            }
            ... on Organization {
              id
            }
          }
        }
        figures {
          id
          value
          statedBy {
            id
            name
          }
          sources {
            sourceId
            locator
          }
        }
        documents {
          id
          name
          kind
          value {
            amount
            currency
          }
          parties {
            ... on Region {
              id
              name
            }
            ... on Organization {
              id
              name
            }
          }
          sectors {
            id
            name
          }
          partOf {
            id
          }
          sources {
            sourceId
            locator
          }
          signatures {
            sources {
              sourceId
              locator
            }
            onBehalfOf {
              ... on Region {
                id
              }
              ... on Organization {
                id
              }
            }
            from {
              id
              name
              ... on Official {
                positions {
                  title
                  to {
                    id
                    name
                  }
                }
              }
            }
          }
          signatories {
            id
            name
            signedDocuments {
              id
            }
          }
        }
      }
    }
  }
`;
