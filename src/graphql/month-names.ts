// Plain data, no decorators: the offline extractor reads it without type-graphql loaded.
/** The English month names, January first: what dates in texts and CSV cells spell out. */
export const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
] as const;
