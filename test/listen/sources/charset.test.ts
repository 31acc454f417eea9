// Charsets: declared (HTTP, XML prolog, BOM) or sniffed; UTF-8, ISO-8859-1, Windows-1252 and others.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { charsetFromContentType, decodeFeedBytes } from '../../../src/listen/sources/feeds/charset.ts';
import { parseFeed } from '../../../src/listen/sources/feeds/parse.ts';

const NOW = Date.UTC(2024, 0, 1);
const fixture = (name: string): Buffer => readFileSync(new URL(`../../fixtures/feeds/${name}`, import.meta.url));
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
/** ISO-8859-1 / Windows-1252 bytes of a string (code points < 256, plus cp1252's 0x80–0x9F specials). */
function cp1252(s: string): Uint8Array {
  const specials: Record<string, number> = { '€': 0x80, '‚': 0x82, '„': 0x84, '…': 0x85, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96, '—': 0x97, 'œ': 0x9c, 'Œ': 0x8c };
  return Uint8Array.from([...s].map((c) => specials[c] ?? (c.codePointAt(0) as number)));
}
const feed = (decl: string, title: string) => `<?xml version="1.0"${decl}?><rss version="2.0"><channel><title>${title}</title><item><title>${title}</title><link>https://x.example/1</link></item></channel></rss>`;
const TITLE = 'Été à l’Élysée — “déjà vu” €5 œuvre';

test('the charset parameter of a Content-Type', () => {
  assert.equal(charsetFromContentType('text/xml; charset="ISO-8859-1"'), 'iso-8859-1');
  assert.equal(charsetFromContentType('application/rss+xml;charset=utf-8'), 'utf-8');
  assert.equal(charsetFromContentType('application/rss+xml'), null);
  assert.equal(charsetFromContentType(null), null);
});

test('UTF-8: declared, undeclared, with a BOM', () => {
  for (const bytes of [utf8(feed(' encoding="UTF-8"', TITLE)), utf8(feed('', TITLE)), Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(feed('', TITLE))])]) {
    const d = decodeFeedBytes(bytes, 'application/rss+xml');
    assert.equal(d.encoding, 'utf-8');
    assert.ok(d.text.includes(`<title>${TITLE}</title>`));
    assert.ok(!d.text.startsWith('\uFEFF'));
    assert.deepEqual(d.warnings, []);
  }
});

test('UTF-16 with a BOM, and without one (sniffed from "<?")', () => {
  const text = feed(' encoding="UTF-16"', TITLE);
  const le = Buffer.from(`\uFEFF${text}`, 'utf16le');
  assert.equal(decodeFeedBytes(le).encoding, 'utf-16le');
  assert.ok(decodeFeedBytes(le).text.includes(TITLE));
  const bareLe = Buffer.from(text, 'utf16le');
  assert.equal(decodeFeedBytes(bareLe).encoding, 'utf-16le');
  const be = Buffer.from(`\uFEFF${text}`, 'utf16le').swap16();
  assert.equal(decodeFeedBytes(be).encoding, 'utf-16be');
  assert.ok(decodeFeedBytes(be).text.includes(TITLE));
});

test('ISO-8859-1 declared in the prolog reads as the browsers do (windows-1252: curly quotes in 0x80–0x9F)', () => {
  const bytes = cp1252(feed(' encoding="ISO-8859-1"', TITLE));
  const d = decodeFeedBytes(bytes, 'application/rss+xml');
  assert.equal(d.encoding, 'windows-1252');
  assert.equal(d.source, 'prolog');
  assert.ok(d.text.includes(TITLE));
  assert.equal(parseFeed(bytes, { url: 'https://x.example/f', now: NOW }).mentions[0]?.title, TITLE);
});

test('Windows-1252 declared in the HTTP header only', () => {
  const d = decodeFeedBytes(cp1252(feed('', TITLE)), 'text/xml; charset=windows-1252');
  assert.equal(d.encoding, 'windows-1252');
  assert.equal(d.source, 'http');
  assert.ok(d.text.includes(TITLE));
});

test('the HTTP charset wins over the prolog (RFC 7303)', () => {
  const d = decodeFeedBytes(cp1252(feed(' encoding="UTF-8"', 'Éé')), 'text/xml; charset=ISO-8859-1');
  assert.equal(d.encoding, 'windows-1252');
  assert.ok(d.text.includes('<title>Éé</title>'));
});

test('sniffed: no declaration, bytes that are not UTF-8 → windows-1252 with a warning', () => {
  const d = decodeFeedBytes(cp1252(feed('', TITLE)), 'text/xml');
  assert.equal(d.encoding, 'windows-1252');
  assert.equal(d.source, 'sniffed');
  assert.ok(d.text.includes(TITLE));
  assert.equal(d.warnings.length, 1);
});

test('repair: declared UTF-8 but Latin-1 bytes → decoded as Latin-1, reported', () => {
  const bytes = cp1252(feed(' encoding="utf-8"', TITLE));
  const r = parseFeed(bytes, { url: 'https://x.example/f', now: NOW, contentType: 'application/rss+xml; charset=utf-8' });
  assert.equal(r.feed?.encoding, 'windows-1252');
  assert.equal(r.mentions[0]?.title, TITLE);
  assert.ok(r.problems.some((p) => p.code === 'encoding-fallback' && p.severity === 'warning'));
});

test('repair: a server header claiming ISO-8859-1 over a UTF-8 document stays UTF-8', () => {
  const r = parseFeed(utf8(feed(' encoding="UTF-8"', TITLE)), { url: 'https://x.example/f', now: NOW, contentType: 'text/xml; charset=ISO-8859-1' });
  assert.equal(r.feed?.encoding, 'utf-8');
  assert.equal(r.mentions[0]?.title, TITLE);
});

test('an unknown label is ignored with a warning', () => {
  const d = decodeFeedBytes(utf8(feed(' encoding="x-no-such-charset"', 'ok')), 'text/xml; charset=bogus');
  assert.equal(d.encoding, 'utf-8');
  assert.equal(d.warnings.length, 2);
});

test('recorded feeds in ISO-8859-1 and ISO-8859-2 (rss-parser fixtures)', () => {
  const jn = parseFeed(fixture('encoding.rss'), { url: 'http://feeds.jn.pt/JN-ULTIMAS', now: NOW });
  assert.equal(jn.feed?.title, 'Jornal de Notícias - Últimas Notícias');
  assert.equal(jn.mentions[0]?.title, 'Mãe de utente é a nova presidente da Raríssimas');
  assert.equal(jn.mentions[0]?.url, 'https://www.jn.pt/nacional/interior/sonia-laig-e-a-nova-presidente-da-rarissimas-9021600.html');
  assert.deepEqual(jn.mentions[0]?.hashtags, ['Nacional']);
  const pl = parseFeed(fixture('latin2.rss'), { url: 'http://www.example.pl/rss', now: NOW });
  assert.equal(pl.feed?.encoding, 'iso-8859-2');
  assert.equal(pl.mentions[0]?.title, 'ZAŻÓŁĆ GĘSLĄ JAŹŃ');
  assert.equal(pl.mentions[0]?.author?.displayName, 'Adam Gżegżółka');
  assert.equal(pl.mentions[0]?.lang, 'pl');
});

test('JSON Feed bytes are UTF-8 (RFC 8259), BOM or not', () => {
  const json = JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', items: [{ id: '1', content_text: TITLE }] });
  for (const bytes of [utf8(json), Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(json)])]) {
    assert.equal(parseFeed(bytes, { url: 'https://x.example/f.json', now: NOW, contentType: 'application/feed+json' }).mentions[0]?.text, TITLE);
  }
});
