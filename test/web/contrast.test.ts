// The web app's colour pairs reach the WCAG AA contrast for text (4.5:1). The colours are read
// from the CSS variables of web/src/styles/base.css, so changing a colour re-checks it.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

const css = fs.readFileSync(path.resolve(import.meta.dirname, '../../web/src/styles/base.css'), 'utf8');
const root = /:root\s*\{([^}]*)\}/.exec(css)?.[1] ?? '';
const variables = new Map([...root.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6})\s*;/gi)].map((m) => [m[1]!, m[2]!]));

function colour(name: string): string {
  const value = variables.get(name);
  assert.ok(value, `base.css defines --${name} as a #rrggbb colour`);
  return value;
}

/** WCAG 2 relative luminance of #rrggbb. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

// [text, background] as used by the stylesheets.
const PAIRS: Array<[string, string]> = [
  ['text', 'bg'],
  ['text', 'surface'],
  ['text', 'surface-sunken'],
  ['muted', 'bg'],
  ['muted', 'surface'],
  ['muted', 'surface-sunken'],
  ['primary-text', 'surface'],
  ['primary-text', 'bg'],
  ['primary-text', 'primary-soft'],
  ['on-navy', 'primary'],
  ['on-navy', 'primary-hover'],
  ['on-navy', 'navy'],
  ['on-navy', 'navy-2'],
  ['on-navy-muted', 'navy'],
  ['on-navy-muted', 'navy-2'],
  ['navy', 'on-navy'],
  ['live', 'navy'],
  ['danger', 'danger-bg'],
  ['notice-text', 'notice-bg'],
  ['badge-text', 'badge-bg'],
  ...['overview', 'listen', 'map', 'spread', 'publish', 'engage', 'reward'].flatMap((hue): Array<[string, string]> => [
    [`hue-${hue}`, 'bg'],
    [`hue-${hue}`, 'surface'],
  ]),
];

test('text colours reach a contrast of 4.5:1 on their backgrounds', () => {
  const failures = PAIRS.map(([fg, bg]) => ({ fg, bg, ratio: contrast(colour(fg), colour(bg)) }))
    .filter(({ ratio }) => ratio < 4.5)
    .map(({ fg, bg, ratio }) => `--${fg} on --${bg}: ${ratio.toFixed(2)}:1`);
  assert.deepEqual(failures, []);
});

test('focus outlines stand out (3:1) from the backgrounds they are drawn on', () => {
  for (const bg of ['bg', 'surface', 'primary-soft']) assert.ok(contrast(colour('focus'), colour(bg)) >= 3, `--focus on --${bg}`);
  for (const bg of ['navy', 'navy-2']) assert.ok(contrast(colour('focus-on-dark'), colour(bg)) >= 3, `--focus-on-dark on --${bg}`);
});
