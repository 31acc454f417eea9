// OPML import: the OPML 2.0 spec's subscription list, nested folders, categories, bad outlines.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseOpml } from '../../../src/listen/sources/feeds/opml.ts';

const fixture = (name: string): Buffer => readFileSync(new URL(`../../fixtures/feeds/${name}`, import.meta.url));

test('the OPML 2.0 spec subscription list (recorded: SyndiKit subscriptionList.opml)', () => {
  const r = parseOpml(fixture('subscriptionList.opml'));
  assert.equal(r.title, 'mySubscriptions.opml');
  assert.equal(r.feeds.length, 13);
  assert.deepEqual(r.problems, []);
  assert.deepEqual(r.feeds[0], {
    xmlUrl: 'http://news.com.com/2547-1_3-0-5.xml', htmlUrl: 'http://news.com.com/', title: 'CNET News.com', type: 'rss', folders: [], categories: [], line: 17,
  });
  assert.equal(r.feeds[3]?.htmlUrl, 'http://news.yahoo.com/news?tmpl=index&cid=738');
  assert.equal(r.feeds[9]?.title, 'NYT > Business');
  assert.equal(r.feeds[12]?.xmlUrl, 'http://www.wired.com/news_drop/netcenter/netcenter.rdf');
});

test('the category attribute (recorded: SyndiKit category.opml) — an outline without xmlUrl is not a feed', () => {
  const r = parseOpml(fixture('category.opml'));
  assert.equal(r.feeds.length, 0);
  const withUrl = readFileSync(new URL('../../fixtures/feeds/category.opml', import.meta.url), 'latin1').replace('<outline ', '<outline xmlUrl="https://mets.example/feed" ');
  assert.deepEqual(parseOpml(withUrl).feeds[0]?.categories, ['Philosophy/Baseball/Mets', 'Tourism/New York']);
});

test('nested folders give each feed its folder path; bad outlines are reported with their line', () => {
  const opml = `<?xml version="1.0" encoding="UTF-8"?>
<opml version="1.1">
  <head><title>Mes flux &amp; veille</title></head>
  <body>
    <outline text="Technologie">
      <outline text="Web" title="Développement web">
        <outline text="Lea Verou" type="rss" htmlUrl="https://lea.verou.me/" xmlUrl="https://lea.verou.me/feed.xml"/>
        <outline text="Accessibilité">
          <outline text="Tink" type="atom" xmlUrl="https://tink.uk/feed.xml"/>
        </outline>
      </outline>
    </outline>
    <outline text="Relative" xmlUrl="/feeds/local.xml"/>
    <outline text="Broken" xmlUrl="javascript:alert(1)"/>
    <outline text="Empty" xmlUrl=""/>
    <outline text="Twice" xmlUrl="https://lea.verou.me/feed.xml"/>
    <outline text="Top" xmlURL="https://top.example/rss"/>
  </body>
</opml>`;
  const r = parseOpml(opml, { baseUrl: 'https://me.example/export.opml' });
  assert.equal(r.title, 'Mes flux & veille');
  assert.deepEqual(r.feeds.map((f) => [f.title, f.xmlUrl, f.folders, f.type, f.line]), [
    ['Lea Verou', 'https://lea.verou.me/feed.xml', ['Technologie', 'Développement web'], 'rss', 7],
    ['Tink', 'https://tink.uk/feed.xml', ['Technologie', 'Développement web', 'Accessibilité'], 'atom', 9],
    ['Relative', 'https://me.example/feeds/local.xml', [], null, 13],
    ['Top', 'https://top.example/rss', [], null, 17],
  ]);
  assert.deepEqual(r.problems.map((p) => [p.severity, p.code, p.line]), [
    ['error', 'url-invalid', 14],
    ['error', 'url-invalid', 15],
    ['warning', 'duplicate', 16],
  ]);
});

test('not OPML, and broken OPML recovered', () => {
  const html = parseOpml('<html><body>nope</body></html>');
  assert.equal(html.feeds.length, 0);
  assert.equal(html.problems[0]?.code, 'not-opml');
  const broken = parseOpml('<opml><body><outline text="A" xmlUrl="https://a.example/rss?x=1&y=2"><outline text="B" xmlUrl="https://b.example/rss">');
  assert.deepEqual(broken.feeds.map((f) => f.xmlUrl), ['https://a.example/rss?x=1&y=2', 'https://b.example/rss']);
});

test('ISO-8859-1 bytes are decoded as declared', () => {
  const bytes = Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><opml><body><outline text="Le Monde — À la une" xmlUrl="https://lemonde.example/rss"/></body></opml>', 'latin1');
  // "—" is not in Latin-1: Buffer writes it as 0x14; the rest round-trips.
  assert.match(parseOpml(bytes).feeds[0]?.title ?? '', /^Le Monde .* la une$/);
  assert.equal(parseOpml(Buffer.from('<opml><body><outline text="Été" xmlUrl="https://e.example/rss"/></body></opml>', 'latin1')).feeds[0]?.title, 'Été');
});
