import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countGraphemes, measurePost } from '../../src/publish/post-length.ts';

test('Mastodon counts every URL as 23 characters and a remote mention as its local part', () => {
  const url = `https://example.com/${'x'.repeat(200)}`;
  const text = `${'a'.repeat(476)} ${url}`;
  assert.equal(measurePost('mastodon', text).length, 476 + 1 + 23);
  assert.equal(measurePost('mastodon', text).over, false);
  assert.equal(measurePost('mastodon', `${text}!!`).over, true);
  assert.equal(measurePost('mastodon', 'hi @alice@mastodon.social').length, 'hi @alice'.length);
  assert.equal(measurePost('mastodon', 'é'.repeat(10), 8).remaining, -2, 'an instance may set its own limit');
});

test('Bluesky counts graphemes: a family emoji or a decomposed accent is one', () => {
  assert.equal(countGraphemes('👨‍👩‍👧'), 1);
  assert.equal(measurePost('bluesky', 'e\u0301'.repeat(300)).over, false);
  assert.equal(measurePost('bluesky', 'e\u0301'.repeat(301)).over, true);
  const link = `https://example.com/${'x'.repeat(100)}`;
  assert.equal(measurePost('bluesky', link).length, link.length, 'the record keeps the whole link');
});

test('X weighs CJK and emoji twice and a URL 23', () => {
  assert.equal(measurePost('x', 'あ'.repeat(140)).over, false);
  assert.equal(measurePost('x', 'あ'.repeat(141)).over, true);
  assert.equal(measurePost('x', '😀').length, 2);
  assert.equal(measurePost('x', `voir https://example.com/${'y'.repeat(80)}`).length, 5 + 23);
});
