// The syntax tree of a topic query: plain objects, a discriminated union on `type`. Texts are
// kept as the user typed them (case, accents, punctuation) so that print() can give the query
// back; folding happens when a query is compiled.

/** The fields a query can filter on, as written before the colon (`lang:fr`). */
export const FIELDS = ['title', 'author', 'site', 'url', 'lang', 'country', 'source', 'gender', 'sentiment'] as const;
export type FieldName = (typeof FIELDS)[number];

/** Bounds that keep parsing and matching cheap whatever is typed. */
export const QUERY_LIMITS = {
  /** Characters in one query. */
  maxLength: 10_000,
  /** Nested parentheses and NOTs. */
  maxDepth: 100,
  /** The n of NEAR/n, ONEAR/n and "…"~n: the number of other words allowed between. */
  maxDistance: 100,
} as const;

/** A word as typed; "covid-19" or "l'Élysée" (several document words) match as a phrase. */
export interface TermNode {
  type: 'term';
  text: string;
}
/** "a quoted phrase": its words, consecutive and in order. */
export interface PhraseNode {
  type: 'phrase';
  text: string;
}
/** "a b"~n: every word of the phrase, in any order, with at most n other words among them. */
export interface ProximityNode {
  type: 'proximity';
  text: string;
  distance: number;
}
/** elys*, organi?ation: `*` any run of letters or digits (maybe none), `?` exactly one. */
export interface WildcardNode {
  type: 'wildcard';
  pattern: string;
}
/** #tag, without the `#`. */
export interface HashtagNode {
  type: 'hashtag';
  tag: string;
}
/** @handle, without the `@`. */
export interface MentionNode {
  type: 'mention';
  handle: string;
}
/** raw:Apple, raw:"Le Monde": exact case and accents. */
export interface RawNode {
  type: 'raw';
  value: TermNode | PhraseNode;
}
/** field:value, where value is a term, a phrase or a group (title: takes any text query). */
export interface FieldNode {
  type: 'field';
  field: FieldName;
  value: QueryNode;
}
/** a NEAR/n b (either order) and a ONEAR/n b (a first): at most n other words between. */
export interface NearNode {
  type: 'near';
  left: QueryNode;
  right: QueryNode;
  distance: number;
  ordered: boolean;
}
export interface AndNode {
  type: 'and';
  children: QueryNode[];
}
export interface OrNode {
  type: 'or';
  children: QueryNode[];
}
export interface NotNode {
  type: 'not';
  child: QueryNode;
}

export type QueryNode =
  | TermNode
  | PhraseNode
  | ProximityNode
  | WildcardNode
  | HashtagNode
  | MentionNode
  | RawNode
  | FieldNode
  | NearNode
  | AndNode
  | OrNode
  | NotNode;
