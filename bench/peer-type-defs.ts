/**
 * The same graph as ties-graph's, described for the Neo4j GraphQL Library (v7): one `@node` type
 * per label, one `@relationship` field per tie and direction, the tie details as
 * `@relationshipProperties`, full-text search with `@fulltext` on the existing `entity_search`
 * index, and shortest paths as a `@cypher` query (the library has no path query of its own).
 *
 * Written the way its users write them, and generous to it: parties are typed `[Region!]!` plus
 * `organizations` rather than a union (unions make the library generate a UNION per field), and
 * properties keep their stored names, so only `Document.count` needs an `@alias`.
 */
export const PEER_TYPE_DEFS = /* GraphQL */ `
  type Signed @relationshipProperties {
    onBehalfOf: String
    sourceIds: [String!]
    locators: [String!]
  }

  type Attended @relationshipProperties {
    role: String
    onBehalfOf: String
  }

  type Holds @relationshipProperties {
    title: String
    since: String
    until: String
  }

  type Region @node {
    id: ID!
    name: String!
    aliases: [String!]
    kind: String!
    iso2: String
    iso3: String
    parent: Region @relationship(type: "PART_OF", direction: OUT)
    parts: [Region!]! @relationship(type: "PART_OF", direction: IN)
    documents: [Document!]! @relationship(type: "BINDS", direction: IN)
    forumsHosted: [Forum!]! @relationship(type: "HELD_IN", direction: IN)
    forums: [Forum!]! @relationship(type: "INVOLVES", direction: IN)
    organizations: [Organization!]! @relationship(type: "BASED_IN", direction: IN)
  }

  type Organization @node {
    id: ID!
    name: String!
    kind: String!
    region: Region @relationship(type: "BASED_IN", direction: OUT)
    parent: Organization @relationship(type: "PART_OF", direction: OUT)
    documents: [Document!]! @relationship(type: "BINDS", direction: IN)
    positions: [Official!]! @relationship(type: "HOLDS", direction: IN, properties: "Holds")
  }

  type Official
    @node
    @fulltext(indexes: [{ indexName: "entity_search", queryName: "searchOfficials", fields: ["searchText"] }]) {
    id: ID!
    name: String!
    aliases: [String!]
    searchText: String
    signedDocuments: [Document!]! @relationship(type: "SIGNED", direction: OUT, properties: "Signed")
    forums: [Forum!]! @relationship(type: "ATTENDED", direction: OUT, properties: "Attended")
    positions: [Organization!]! @relationship(type: "HOLDS", direction: OUT, properties: "Holds")
  }

  type Forum @node {
    id: ID!
    name: String!
    kind: String!
    date: String
    datePrecision: String
    edition: Int
    place: Region @relationship(type: "HELD_IN", direction: OUT)
    participants: [Region!]! @relationship(type: "INVOLVES", direction: OUT)
    attendees: [Official!]! @relationship(type: "ATTENDED", direction: IN, properties: "Attended")
    documents: [Document!]! @relationship(type: "SIGNED_AT", direction: IN)
  }

  type Document @node {
    id: ID!
    name: String!
    title: String
    kind: String!
    status: String!
    "The stored \`count\`: a field named count clashes with the library's aggregate count, which it sums instead."
    documentCount: Int! @alias(property: "count")
    signedOn: String
    signedOnPrecision: String
    valueAmount: Float
    valueCurrency: String
    valueQualifier: String
    forum: Forum @relationship(type: "SIGNED_AT", direction: OUT)
    parties: [Region!]! @relationship(type: "BINDS", direction: OUT)
    organizations: [Organization!]! @relationship(type: "BINDS", direction: OUT)
    sectors: [Sector!]! @relationship(type: "COVERS", direction: OUT)
    signatories: [Official!]! @relationship(type: "SIGNED", direction: IN, properties: "Signed")
    partOf: Document @relationship(type: "PART_OF", direction: OUT)
    parts: [Document!]! @relationship(type: "PART_OF", direction: IN)
  }

  type Sector @node {
    id: ID!
    name: String!
    documents: [Document!]! @relationship(type: "COVERS", direction: IN)
  }

  type Source @node {
    id: ID!
    name: String!
    publisher: String
    url: String
    publishedOn: String
  }

  type PathStep {
    type: String!
    fromId: ID!
    toId: ID!
  }

  type FoundPath {
    nodeIds: [ID!]!
    steps: [PathStep!]!
  }

  type Query {
    """
    Up to $limit shortest paths of at most four ties between two entities, never through provenance
    (STATED_IN). Cypher takes no parameter for a path's length bound, so four is written in.
    """
    shortestPaths(from: ID!, to: ID!, limit: Int!): [FoundPath!]!
      @cypher(
        statement: """
        MATCH (a:Official {id: $from}), (b:Official {id: $to})
        MATCH p = allShortestPaths((a)-[:PART_OF|BASED_IN|HOLDS|ATTENDED|SIGNED|SIGNED_AT|BINDS|COVERS|HELD_IN|INVOLVES|IN_SERIES|HELD_ALONGSIDE|BETWEEN|FROM|TO|STATED_BY|REPORTED_AT*..4]-(b))
        WITH p LIMIT toInteger($limit)
        RETURN {
          nodeIds: [n IN nodes(p) | n.id],
          steps: [r IN relationships(p) | {type: type(r), fromId: startNode(r).id, toId: endNode(r).id}]
        } AS path
        """
        columnName: "path"
      )
  }
`;
