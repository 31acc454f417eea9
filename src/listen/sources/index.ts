// Listen's sources: the contract (source.ts) and the feed source (RSS, Atom, JSON Feed, OPML).
// mastodon/ (REST and streaming), bluesky/ (searchPosts and Jetstream) and files/ (CSV, tweets.js,
// NDJSON) sit beside it; streams share stream-loop.ts, JSON APIs http-json.ts.
export { afterFailure, afterSuccess, BACKOFF_DEFAULTS, type BackoffOptions, backoffDelay, pauseReason, type PollContext, type Source, type SourceBatch, type SourceFailure, type SourceFailureKind, type SourceProblem, type SourceState } from './source.ts';
export { nonPublicReason, type ResolvedAddress, type Resolver, systemResolver } from './feeds/address.ts';
export { charsetFromContentType, type DecodedText, decodeFeedBytes } from './feeds/charset.ts';
export { parseFeedDate } from './feeds/dates.ts';
export { FEED_DEFAULTS, type FeedSourceOptions, type FeedState, feedSource, initialFeedState, mentionFingerprint, pollFeed } from './feeds/fetch.ts';
export { FetchFailure, guardedGet, type GuardedGetOptions, parseRetryAfter } from './feeds/http-get.ts';
export { type OpmlFeed, type OpmlImport, parseOpml } from './feeds/opml.ts';
export { type FeedFormat, type FeedMeta, PARSE_DEFAULTS, type ParsedFeed, type ParseFeedOptions, parseFeed } from './feeds/parse.ts';
export { globalAcct, type MastodonStatus, statusRef, statusToMention } from './mastodon/status.ts';
export { initialMastodonState, MASTODON_DEFAULTS, type MastodonMode, type MastodonOptions, type MastodonState, mastodonUrl, newerId, parseLinkHeader, pollMastodon } from './mastodon/rest.ts';
export { type MastodonStreamOptions, mastodonStreamUrl, streamMastodon } from './mastodon/stream.ts';
export { parseAtUri, postUrl, postViewToMention, readFacets, recordToMention } from './bluesky/post.ts';
export { BLUESKY_SEARCH_DEFAULTS, type BlueskySearchOptions, type BlueskySearchState, initialBlueskySearchState, pollBlueskySearch, searchPostsUrl } from './bluesky/search.ts';
export { jetstreamUrl, type JetstreamOptions, streamJetstream } from './bluesky/jetstream.ts';
export { keywordFilter } from './bluesky/filter.ts';
export { SseParser, type ServerSentEvent } from './sse.ts';
export { Batcher, reconnectLoop, STREAM_DEFAULTS, type StreamBatch, type StreamLoopOptions, type StreamSink } from './stream-loop.ts';
export { detectFormat, FILE_FORMATS, type FileFormat, type FileItem, type ReadFile, type ReadFileOptions, readIngestFile, readNdjson } from './files/read-file.ts';
export { DELIMITERS, type Delimiter, detectDelimiter, parseCsv } from './files/csv.ts';
export { type ColumnMapping, CSV_FIELDS, type CsvField, parseCsvDate, resolveMapping, rowToItem } from './files/csv-mapping.ts';
export { decodeFile } from './files/decode.ts';
export { parseTwitterDate, readTweetsJs } from './files/tweets-js.ts';
