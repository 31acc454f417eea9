// Listen's topic query language: parse a query, print it back, match it against a mention,
// and percolate mentions through many topics at once. Pure: no I/O, no clock.
export type {
  AndNode,
  FieldName,
  FieldNode,
  HashtagNode,
  MentionNode,
  NearNode,
  NotNode,
  OrNode,
  PhraseNode,
  ProximityNode,
  QueryNode,
  RawNode,
  TermNode,
  WildcardNode,
} from './ast.ts';
export { FIELDS, QUERY_LIMITS } from './ast.ts';
export { fold, foldedWords } from './fold.ts';
export { compileQuery, type Matcher } from './match.ts';
export { FIELD_NAMES, parseQuery } from './parse.ts';
export { createPercolator, PERCOLATE_DEFAULTS, type Percolator, type PercolateStats } from './percolate.ts';
export { isPrepared, type MatchDocument, prepareDocument, type PreparedDocument } from './prepare.ts';
export { printQuery } from './print.ts';
export { isQuerySyntaxError, QuerySyntaxError } from './query-syntax-error.ts';
export { candidateKeys, type IndexKey, type KeyFrequency, requiredKeys } from './required-keys.ts';
export { type Token, tokenize } from './tokenize.ts';
