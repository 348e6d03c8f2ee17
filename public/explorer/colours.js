// One colour per entity type, shared by the explorer and the review page so a type looks the same
// in the graph and in a highlighted text.

export const COLOURS = {
  Region: '#2f7ed8',
  Organization: '#8e44ad',
  Official: '#e67e22',
  Forum: '#16a085',
  Document: '#c0392b',
  Sector: '#6d7b8d',
  Figure: '#d4a20d',
  Source: '#a0a7ad',
};
