// Wildcard matching without regular expressions: a pattern such as a*a*a*b compiled to a regex
// backtracks exponentially on a long word, while this classic greedy matcher, which only ever
// returns to the last `*`, is O(pattern × word) whatever is typed.

/**
 * True when the whole of `text` matches `pattern`, where `*` stands for any run of characters
 * (maybe none) and `?` for exactly one; e.g. `globMatch('organi?ation', 'organisation')` → true.
 * Both sides should be folded already.
 */
export function globMatch(pattern: string, text: string): boolean {
  let p = 0;
  let t = 0;
  let star = -1;
  let resume = 0;
  while (t < text.length) {
    const c = pattern[p];
    if (c === '*') {
      star = p++;
      resume = t;
    } else if (c === '?') {
      p++;
      t += step(text, t);
    } else if (c !== undefined && pattern.charCodeAt(p) === text.charCodeAt(t)) {
      p++;
      t++;
    } else if (star >= 0) {
      p = star + 1;
      resume += step(text, resume);
      t = resume;
    } else {
      return false;
    }
  }
  while (pattern[p] === '*') p++;
  return p === pattern.length;
}

// One code point: `?` must not take half of a letter outside the Basic Multilingual Plane.
function step(text: string, at: number): number {
  const c = text.charCodeAt(at);
  return c >= 0xd800 && c <= 0xdbff && at + 1 < text.length ? 2 : 1;
}
