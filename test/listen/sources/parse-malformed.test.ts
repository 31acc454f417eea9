// Bad input: malformed XML recovered where a browser would, bad items reported with their
// position and skipped, the rest kept.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseFeed } from '../../../src/listen/sources/feeds/parse.ts';

const NOW = Date.UTC(2024, 0, 1);
const URL_ = 'https://blog.example/feed';
const parse = (xml: string) => parseFeed(xml, { url: URL_, now: NOW });
const fixture = (name: string): Buffer => readFileSync(new URL(`../../fixtures/feeds/${name}`, import.meta.url));
const rss = (items: string, channelExtra = '') => `<?xml version="1.0"?>\n<rss version="2.0"><channel><title>T</title><link>https://blog.example/</link>${channelExtra}\n${items}\n</channel></rss>`;

test('a bare ampersand in a link (recorded: node-feedparser saxerror.xml) does not stop the feed', () => {
  const r = parseFeed(fixture('saxerror.xml'), { url: 'http://example.com/feed', now: NOW });
  assert.deepEqual(r.mentions.map((m) => m.title), ['Good Item', 'Bad Item', 'Item After Error']);
  assert.equal(r.mentions[1]?.url, 'http://example.com/bad?foo=1&bar=2');
});

test('unclosed tags are closed by their parent, as a browser would, and reported', () => {
  const r = parse(rss(`<item><title>One<br></title><link>https://blog.example/1</link><description>a<b>bold</description></item>
<item><title>Two</title><link>https://blog.example/2</link>
<item><title>Three</title><link>https://blog.example/3</link></item>`));
  assert.deepEqual(r.mentions.map((m) => [m.title, m.url]), [
    ['One', 'https://blog.example/1'],
    ['Two', 'https://blog.example/2'],
    ['Three', 'https://blog.example/3'],
  ]);
  assert.equal(r.mentions[0]?.text, 'abold');
  const repaired = r.problems.find((p) => p.code === 'xml-repaired');
  assert.ok(repaired, JSON.stringify(r.problems));
  assert.equal(repaired.line, 3);
});

test('HTML entities XML does not declare (&nbsp; &eacute; &hellip;), numeric references and CDATA decode', () => {
  const r = parse(rss(`<item><title>Caf&eacute;&nbsp;cr&egrave;me &#8212; &#x2019;ok&hellip;</title><link>https://blog.example/1</link>
<description><![CDATA[<p>Tom &amp; Jerry &lt;3 &eacute;t&eacute;</p>]]></description></item>
<item><title><![CDATA[A & B <i>literal</i>]]></title><link>https://blog.example/2</link><description>AT&T &copy 2012 &unknown; &amp;amp;</description></item>`));
  assert.equal(r.mentions[0]?.title, 'Café crème — ’ok…');
  assert.equal(r.mentions[0]?.text, 'Tom & Jerry <3 été');
  assert.equal(r.mentions[1]?.title, 'A & B literal');
  assert.equal(r.mentions[1]?.text, 'AT&T © 2012 &unknown; &');
});

test('junk before the prolog, a BOM, comments, processing instructions and a DOCTYPE are ignored', () => {
  const xml = `\uFEFF\n  garbage from a PHP warning<br />\n<?xml version="1.0" encoding="utf-8"?><!-- c --><?xml-stylesheet href="s.xsl"?>
<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
<rss version="0.91"><channel><title>T</title><link>https://blog.example/</link><item><title>Kept</title><link>https://blog.example/k</link></item></channel></rss>`;
  const r = parse(xml);
  assert.equal(r.feed?.format, 'rss-0.9x');
  assert.deepEqual(r.mentions.map((m) => m.title), ['Kept']);
});

test('a truncated document keeps the complete items', () => {
  const whole = rss(`<item><title>One</title><link>https://blog.example/1</link></item><item><title>Two</title><link>https://blog.example/2</link></item>`);
  const cut = whole.slice(0, whole.indexOf('<item><title>Two') + 20);
  const r = parse(cut);
  assert.deepEqual(r.mentions.map((m) => m.title), ['One', 'Two']);
  assert.ok(r.problems.some((p) => p.code === 'xml-repaired'));
});

test('items nested inside items (recorded: node-feedparser illegally-nested.xml) are lifted out; empty ones reported', () => {
  const r = parseFeed(fixture('illegally-nested.xml'), { url: 'http://feeds.feedburner.com/ziffdavis/pcmag/dvorak', now: NOW });
  assert.deepEqual(r.mentions.map((m) => m.title), ['My Professional Armchair Analysis of CES', 'Did We Learn Nothing From the Dot-Com Bust?']);
  // FeedBurner's origLink is the real URL; the EST date is read with its zone.
  assert.equal(r.mentions[0]?.url, 'http://www.pcmag.com/article2/0,2817,2525649,00.asp?kc=PCRSS03079TX1K0000584');
  assert.equal(r.mentions[0]?.publishedAt, Date.UTC(2018, 0, 17, 20, 50));
  const empty = r.problems.filter((p) => p.code === 'empty-item');
  assert.deepEqual(empty.map((p) => [p.severity, p.itemIndex, p.line]), [['error', 1, 14], ['error', 3, 16]]);
});

test('naked (unescaped) markup in a description is read as markup, links included', () => {
  const r = parse(rss(`<item><title>N</title><link>https://blog.example/n</link><description><p>See <a href="/x">this</a></p><p>and that</p></description></item>`));
  assert.equal(r.mentions[0]?.text, 'See this\n\nand that');
  assert.deepEqual(r.mentions[0]?.links, ['https://blog.example/x']);
});

test('undeclared namespace prefixes take their usual meaning, with a warning', () => {
  const r = parse(rss(`<item><title>P</title><link>https://blog.example/p</link><dc:creator>Jeanne</dc:creator><content:encoded>&lt;p&gt;Full text&lt;/p&gt;</content:encoded><description>Short</description></item>`));
  assert.equal(r.mentions[0]?.author?.displayName, 'Jeanne');
  assert.equal(r.mentions[0]?.text, 'Full text');
  assert.ok(r.problems.some((p) => p.code === 'namespace-undeclared' && /content, dc|dc, content/.test(p.message)));
});

test('bad items are reported with index and line; the others go in', () => {
  const r = parse(rss(`<item><title>Good</title><link>https://blog.example/g</link><pubDate>not a date</pubDate></item>
<item></item>
<item><guid isPermaLink="false">same</guid><title>First</title></item>
<item><guid isPermaLink="false">same</guid><title>Copy</title></item>
<item><description>Only text, no id nor link</description></item>`));
  assert.deepEqual(r.mentions.map((m) => m.title ?? m.text), ['Good', 'First', 'Only text, no id nor link']);
  const byCode = (code: string) => r.problems.filter((p) => p.code === code).map((p) => [p.severity, p.itemIndex, p.line]);
  assert.deepEqual(byCode('date-invalid'), [['warning', 0, 3]]);
  assert.deepEqual(byCode('empty-item'), [['error', 1, 4]]);
  assert.deepEqual(byCode('duplicate-id'), [['warning', 3, 6]]);
  assert.deepEqual(byCode('id-missing'), [['warning', 4, 7]]);
  assert.equal(r.mentions[0]?.publishedAt, NOW);
  // The hashed id is stable: the same item gets the same id next time.
  assert.equal(parse(rss('<item><description>Only text, no id nor link</description></item>')).mentions[0]?.networkId, r.mentions[2]?.networkId);
});

test('huge texts are cut with a warning', () => {
  const r = parseFeed(rss(`<item><title>Big</title><link>https://blog.example/b</link><description>${'mot '.repeat(50_000)}</description></item>`), { url: URL_, now: NOW, maxTextLength: 1_000 });
  assert.equal(r.mentions[0]?.text.length, 1_000);
  assert.ok(r.problems.some((p) => p.code === 'text-truncated' && p.itemIndex === 0));
});

test('not a feed: an HTML page, an empty body, plain text, JSON without items', () => {
  for (const [body, contentType] of [
    ['<!DOCTYPE html><html><head><title>Blog</title></head><body><p>Hello</p></body></html>', 'text/html'],
    ['', 'application/rss+xml'],
    ['just some text', 'text/plain'],
    ['{"title": "no items"}', 'application/json'],
  ] as const) {
    const r = parseFeed(body, { url: URL_, now: NOW, contentType });
    assert.equal(r.feed, null, body);
    assert.equal(r.mentions.length, 0);
    assert.ok(r.problems.some((p) => p.severity === 'error' && p.itemIndex === null && p.code === 'not-a-feed'), JSON.stringify(r.problems));
  }
});

test('invalid JSON is reported with its line and column; a bad JSON item is skipped', () => {
  const broken = parseFeed('{\n  "version": "https://jsonfeed.org/version/1.1",\n  "items": [,]\n}', { url: URL_, now: NOW });
  assert.equal(broken.feed, null);
  const p = broken.problems[0];
  assert.equal(p?.code, 'json-invalid');
  assert.deepEqual([p?.line, p?.column], [3, 13]);
  const other = parseFeed('{"items": [1, 2}', { url: URL_, now: NOW }).problems[0];
  assert.deepEqual([other?.code, other?.line, other?.column], ['json-invalid', 1, 16]);
  const json = JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'J', items: [{ id: 'a', content_text: 'ok' }, 'oops', null, { id: 'b', content_text: 'ok too', date_published: 'garbage' }] });
  const r = parseFeed(json, { url: URL_, now: NOW });
  assert.deepEqual(r.mentions.map((m) => m.text), ['ok', 'ok too']);
  assert.deepEqual(r.problems.filter((q) => q.code === 'item-invalid').map((q) => q.itemIndex), [1, 2]);
  assert.ok(r.problems.some((q) => q.code === 'date-invalid' && q.itemIndex === 3));
});

test('an entity bomb in a DOCTYPE is not expanded', () => {
  const bomb = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
<rss version="2.0"><channel><title>T</title><item><title>&c;</title><link>https://blog.example/1</link></item></channel></rss>`;
  const r = parse(bomb);
  assert.equal(r.mentions[0]?.title, '&c;');
});

test('javascript: and other non-http links are dropped', () => {
  const r = parse(rss(`<item><title>J</title><link>javascript:alert(1)</link><guid isPermaLink="false">j1</guid><description>&lt;a href="javascript:evil()"&gt;x&lt;/a&gt; &lt;a href="mailto:a@b.c"&gt;m&lt;/a&gt; &lt;a href="https://ok.example/"&gt;ok&lt;/a&gt;</description></item>`));
  assert.equal(r.mentions[0]?.url, null);
  assert.deepEqual(r.mentions[0]?.links, ['https://ok.example/']);
});

test('pathological nesting is refused (XML) or degraded to tag stripping (HTML) instead of taking minutes', () => {
  const started = performance.now();
  const deepXml = rss(`<item><title>D</title><link>https://blog.example/d</link><description>${'<div>'.repeat(100_000)}x</description></item>`);
  const r = parse(deepXml);
  assert.equal(r.feed, null);
  assert.equal(r.problems[0]?.code, 'xml-too-deep');
  const deepHtml = rss(`<item><title>D</title><link>https://blog.example/d</link><description>${'&lt;span&gt;'.repeat(100_000)}deep &amp;amp; text</description></item>`);
  assert.equal(parse(deepHtml).mentions[0]?.text, 'deep & text');
  // Many void elements are not nesting: parsed normally.
  const voids = rss(`<item><title>V</title><link>https://blog.example/v</link><description>${'a&lt;br&gt;'.repeat(5_000)}</description></item>`);
  assert.equal(parse(voids).mentions[0]?.text.split('\n').length, 5_000);
  assert.ok(performance.now() - started < 5_000);
});

test('namespace slips: Atom without its namespace, RSS with an old default namespace, upper-case RSS', () => {
  const atom = parse(`<feed><title>No NS</title><link href="https://blog.example/"/><entry><id>x1</id><title>A</title><link href="/a"/><updated>2020-01-01T00:00:00Z</updated><content type="html">&lt;p&gt;hi&lt;/p&gt;</content></entry></feed>`);
  assert.deepEqual(atom.mentions.map((m) => [m.title, m.url, m.text]), [['A', 'https://blog.example/a', 'hi']]);
  const userland = parse(`<rss version="2.0" xmlns="http://backend.userland.com/rss2"><channel><title>U</title><item><title>B</title><link>https://blog.example/b</link></item></channel></rss>`);
  assert.deepEqual(userland.mentions.map((m) => m.url), ['https://blog.example/b']);
  const upper = parse(`<RSS VERSION="2.0"><CHANNEL><TITLE>Up</TITLE><ITEM><TITLE>C</TITLE><LINK>https://blog.example/c</LINK><PUBDATE>Tue, 10 Jun 2003 04:00:00 GMT</PUBDATE></ITEM></CHANNEL></RSS>`);
  assert.deepEqual(upper.mentions.map((m) => [m.title, m.publishedAt]), [['C', Date.UTC(2003, 5, 10, 4)]]);
});
