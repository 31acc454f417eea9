// How long a post is, counted the way each network counts it, so the composer and the scheduler
// refuse text a network would reject before anything is sent. Pure.
//
// - Mastodon (app/validators/status_length_validator.rb): characters (code points, after NFC?
//   no: Ruby's String#length, i.e. code points); every URL counts 23, whatever its length; a
//   mention @user@domain counts as @user. Default limit 500 (an instance may set another).
// - Bluesky (app.bsky.feed.post lexicon): text maxGraphemes 300 (and maxLength 3000 bytes);
//   links count in full: clients shorten them only in display, the record holds the text.
// - X (twitter-text v3 config): weighted length, scale 100: code points in the Latin, general
//   punctuation and similar ranges weigh 100, others (CJK, emoji) 200; a URL weighs 23 × 100;
//   an emoji sequence counts once at 200. Limit 280 × 100.

export type PostNetwork = 'mastodon' | 'bluesky' | 'x' | 'webhook' | 'feed';

export interface PostLength {
  network: PostNetwork;
  /** In the network's unit: characters, graphemes or weighted characters. */
  length: number;
  limit: number;
  /** Characters left (negative when over). */
  remaining: number;
  over: boolean;
}

/** Each network's default limit; a Mastodon instance may advertise another (configuration.statuses.max_characters). */
export const DEFAULT_LIMITS: Record<PostNetwork, number> = { mastodon: 500, bluesky: 300, x: 280, webhook: 100_000, feed: 100_000 };

const URL_LENGTH = 23;
// Schemes and a bare domain with a path are what the networks link; a loose pattern on purpose:
// counting a non-link as 23 is less harmful than letting an over-long post through.
const URL_PATTERN = /\bhttps?:\/\/[^\s<>"]+[^\s<>"'.,;:!?)\]]/giu;
const MASTODON_MENTION = /(^|[^\p{L}\p{N}_/])@([\p{L}\p{N}_]+(?:[.-][\p{L}\p{N}_]+)*)@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

export function countGraphemes(text: string): number {
  let n = 0;
  for (const _ of segmenter.segment(text)) n++;
  return n;
}

function mastodonLength(text: string): number {
  const shortened = text.replace(URL_PATTERN, 'x'.repeat(URL_LENGTH)).replace(MASTODON_MENTION, (_m, before: string, user: string) => `${before}@${user}`);
  return [...shortened].length;
}

// twitter-text v3: ranges of weight 100 (Latin-1 and general punctuation); everything else 200.
const LIGHT_RANGES: ReadonlyArray<readonly [number, number]> = [[0, 4351], [8192, 8205], [8208, 8223], [8242, 8247]];
const EMOJI = /\p{Extended_Pictographic}/u;

function xLength(text: string): number {
  let units = 0;
  let rest = text;
  rest = rest.replace(URL_PATTERN, () => { units += URL_LENGTH * 100; return ''; });
  for (const { segment } of segmenter.segment(rest)) {
    if (EMOJI.test(segment)) { units += 200; continue; }
    for (const char of segment) {
      const code = char.codePointAt(0)!;
      units += LIGHT_RANGES.some(([a, b]) => code >= a && code <= b) ? 100 : 200;
    }
  }
  return Math.ceil(units / 100);
}

/** The post's length as `network` counts it, against `limit` (default: the network's). */
export function measurePost(network: PostNetwork, text: string, limit = DEFAULT_LIMITS[network]): PostLength {
  const length = network === 'mastodon' ? mastodonLength(text)
    : network === 'bluesky' ? countGraphemes(text)
      : network === 'x' ? xLength(text)
        : [...text].length;
  return { network, length, limit, remaining: limit - length, over: length > limit };
}

/** Bluesky also caps the record's text at 3,000 UTF-8 bytes. */
export const BLUESKY_MAX_BYTES = 3000;
