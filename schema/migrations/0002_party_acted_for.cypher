// Signatures and attendances name the party acted for by id (`onBehalfOf`), since a relationship
// cannot point at a node. Finding a region's signatures ("signed for Kazakhstan") seeks these.
CREATE INDEX signed_on_behalf_of IF NOT EXISTS FOR ()-[r:SIGNED]-() ON (r.onBehalfOf);
CREATE INDEX attended_on_behalf_of IF NOT EXISTS FOR ()-[r:ATTENDED]-() ON (r.onBehalfOf);
