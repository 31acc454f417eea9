// Listen's sources: the contract (source.ts) and the feed source (RSS, Atom, JSON Feed, OPML).
// Mastodon, Bluesky, files and the webhook will sit beside feeds/ and implement the same contract.
export { afterFailure, afterSuccess, BACKOFF_DEFAULTS, type BackoffOptions, backoffDelay, pauseReason, type PollContext, type Source, type SourceBatch, type SourceFailure, type SourceFailureKind, type SourceProblem, type SourceState } from './source.ts';
export { nonPublicReason, type ResolvedAddress, type Resolver, systemResolver } from './feeds/address.ts';
export { charsetFromContentType, type DecodedText, decodeFeedBytes } from './feeds/charset.ts';
export { parseFeedDate } from './feeds/dates.ts';
export { FEED_DEFAULTS, type FeedSourceOptions, type FeedState, feedSource, initialFeedState, mentionFingerprint, pollFeed } from './feeds/fetch.ts';
export { FetchFailure, guardedGet, type GuardedGetOptions, parseRetryAfter } from './feeds/http-get.ts';
export { type OpmlFeed, type OpmlImport, parseOpml } from './feeds/opml.ts';
export { type FeedFormat, type FeedMeta, PARSE_DEFAULTS, type ParsedFeed, type ParseFeedOptions, parseFeed } from './feeds/parse.ts';
