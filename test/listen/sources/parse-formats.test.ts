// Every feed format, on recorded real payloads (test/fixtures/feeds/, sources in its README) and
// small hand-made ones for what the recordings lack.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { MentionInput } from '../../../src/listen/model.ts';
import { parseFeed } from '../../../src/listen/sources/feeds/parse.ts';

const NOW = Date.UTC(2024, 0, 1);
const fixture = (name: string): Buffer => readFileSync(new URL(`../../fixtures/feeds/${name}`, import.meta.url));
const only = <T>(list: T[], i = 0): T => {
  assert.ok(list.length > i, `expected at least ${i + 1} items`);
  return list[i] as T;
};
const errors = (r: ReturnType<typeof parseFeed>) => r.problems.filter((p) => p.severity === 'error');

test('RSS 2.0 (the spec sample): ids, links, authors, escaped HTML, dates, language', () => {
  const r = parseFeed(fixture('rss2sample.xml'), { url: 'http://liftoff.msfc.nasa.gov/rss.xml', now: NOW });
  assert.equal(r.feed?.format, 'rss-2.0');
  assert.equal(r.feed?.title, 'Liftoff News');
  assert.equal(r.mentions.length, 4);
  assert.deepEqual(errors(r), []);
  const star = only(r.mentions);
  assert.equal(star.network, 'web');
  assert.equal(star.sourceType, 'blog');
  assert.equal(star.networkId, 'http://liftoff.msfc.nasa.gov/2003/06/03.html#item573');
  assert.equal(star.url, 'http://liftoff.msfc.nasa.gov/news/2003/news-starcity.asp');
  assert.equal(star.title, 'Star City');
  assert.equal(star.publishedAt, Date.UTC(2003, 5, 3, 9, 39, 21));
  assert.equal(star.lang, 'en');
  assert.match(star.text, /protocol at Russia's Star City\.$/);
  assert.deepEqual(star.links, ['http://howe.iki.rssi.ru/GCTC/gctc_e.htm']);
  assert.deepEqual(star.author, { handle: 'liftoff.msfc.nasa.gov', displayName: 'Writer', profileUrl: 'http://liftoff.msfc.nasa.gov/' });
  // No <link> but a permalink GUID: the GUID is the URL. No title: null.
  const eclipse = only(r.mentions, 1);
  assert.equal(eclipse.url, 'http://liftoff.msfc.nasa.gov/2003/05/30.html#item572');
  assert.equal(eclipse.title, null);
  assert.equal(eclipse.author?.displayName, 'Liftoff News');
  assert.equal(typeof only(r.mentions).raw, 'string');
  assert.match(only(r.mentions).raw as string, /^<item>[\s\S]*<\/item>$/);
});

test('RSS 2.0 with relative links, CDATA, two-digit years and isPermaLink="false"', () => {
  const r = parseFeed(fixture('rss-with-relative-urls.xml'), { url: 'http://www.arcgames.com/en/games/neverwinter/news/rss', now: NOW });
  const first = only(r.mentions);
  assert.equal(first.title, 'Neverwinter & Jingle Jam Humble Bundle!');
  assert.equal(first.url, 'http://www.arcgames.com/en/games/neverwinter/news/detail/10743874-neverwinter-%26-jingle-jam-humble-bundle%21');
  assert.equal(first.networkId, 'http://www.arcgames.com/en/games/PAB_nw/news/detail/10743874');
  assert.equal(first.publishedAt, Date.UTC(2017, 11, 7, 18, 0, 29));
  assert.equal(first.lang, 'en'); // en_US
  assert.match(first.text, /^Greetings Adventurers!\n\nNeverwinter is proud/);
  assert.equal(first.author?.profileUrl, 'http://www.arcgames.com/en/games/neverwinter/news');
});

test('RSS 0.91 in ISO-8859-1 with a blank line before the prolog', () => {
  const r = parseFeed(fixture('rss091.rss'), { url: 'http://www1.folha.uol.com.br/folha/colunas/futebolnarede/rss091.xml', now: NOW });
  assert.equal(r.feed?.format, 'rss-0.9x');
  assert.equal(r.feed?.encoding, 'windows-1252');
  assert.equal(r.mentions.length, 2);
  const m = only(r.mentions);
  assert.equal(m.lang, 'pt');
  assert.match(m.text, /^Diariamente acompanhamos jogadores reclamando da situação dos clubes em que estão\./);
  assert.match(m.text, /Leia mais \(25\/05\/2010 - 17h07\)$/);
  assert.equal(m.links.length, 0); // the only anchor points to the item itself
  // RSS 0.91 items have no date: dated now, with a warning.
  assert.equal(m.publishedAt, NOW);
  assert.ok(r.problems.some((p) => p.code === 'date-missing' && p.itemIndex === 0 && p.line === 20));
  // Doubly escaped quotes (&amp;quot;) are text quotes.
  assert.match(only(r.mentions, 1).text, /o aviso: "Nos vemos na África do Sul"\./);
});

test('RSS 0.90 (RDF with the Netscape namespace), hand-made', () => {
  const xml = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://my.netscape.com/rdf/simple/0.9/">
  <channel><title>Mozilla Dot Org</title><link>http://www.mozilla.org</link><description>the Mozilla Organization web site</description></channel>
  <item><title>New Status Updates</title><link>http://www.mozilla.org/status/</link></item>
  <item><title>Bugzilla Reorganized</title><link>http://www.mozilla.org/bugs/</link></item>
</rdf:RDF>`;
  const r = parseFeed(xml, { url: 'http://www.mozilla.org/news.rdf', now: NOW });
  assert.equal(r.feed?.format, 'rss-0.90');
  assert.deepEqual(r.mentions.map((m) => [m.title, m.url, m.networkId]), [
    ['New Status Updates', 'http://www.mozilla.org/status/', 'http://www.mozilla.org/status/'],
    ['Bugzilla Reorganized', 'http://www.mozilla.org/bugs/', 'http://www.mozilla.org/bugs/'],
  ]);
});

test('RSS 1.0 (RDF): rdf:about ids, Dublin Core, content:encoded in CDATA with a bare ampersand', () => {
  const r = parseFeed(fixture('rss10.rdf'), { url: 'http://www.example.org/index.rdf', now: NOW });
  assert.equal(r.feed?.format, 'rss-1.0');
  assert.deepEqual(errors(r), []);
  const m = only(r.mentions);
  assert.equal(m.networkId, 'http://www.example.org/1');
  assert.equal(m.url, 'http://example.org/archives/2002/09/04.html#first_of_all');
  assert.equal(m.author?.displayName, 'Aaron Swartz');
  assert.equal(m.publishedAt, Date.UTC(2004, 4, 30, 20, 23, 54));
  assert.deepEqual(m.hashtags, ['Politics']);
  assert.equal(m.text, "Ian Hickson: Americans are fat. Smokers are stupid. People who don't speak Perl are irrelevant.");
  assert.deepEqual(m.links, ['http://ln.hixie.ch/?start=1030823786&count=1']);
});

test('Atom 1.0: tag: ids, relative links against xml:base and the feed URL, HTML content', () => {
  const r = parseFeed(fixture('tpm-with-fragment-base.atom'), { url: 'http://talkingpointsmemo.com/account/feed/all/x', now: NOW });
  assert.equal(r.feed?.format, 'atom-1.0');
  assert.equal(r.feed?.siteUrl, 'http://talkingpointsmemo.com/');
  assert.equal(r.mentions.length, 2);
  const m = only(r.mentions);
  assert.equal(m.networkId, 'tag:talkingpointsmemo.com,2005:ArticleDecorator/270060');
  assert.equal(m.url, 'http://talkingpointsmemo.com/livewire/hannity-announces-fox-hired-sebastian-gorka-national-security-strategist');
  assert.equal(m.publishedAt, Date.UTC(2017, 10, 8, 23, 15, 58));
  assert.equal(m.author?.displayName, 'Esme Cribb');
  assert.equal(m.author?.handle, 'talkingpointsmemo.com');
  assert.equal(m.lang, 'en');
  assert.match(m.text, /^Fox News star host Sean Hannity/);
  assert.match(m.text, /“Joining us now is Dr\. Sebastian Gorka,” Hannity said on his radio show\./);
  assert.ok(m.links.includes('https://www.apnews.com/d7b38219387e418ab187617f709fad28'));
});

test('Atom 1.0: xhtml content, text titles, categories, threading and a feed-level author', () => {
  const xml = `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:thr="http://purl.org/syndication/thread/1.0" xml:base="https://blog.example/fr/" xml:lang="fr-FR">
  <title>Cimes &amp; Sentiers</title><link href="./"/><author><name>Anaïs Martin</name></author>
  <entry xml:base="billets/">
    <id>urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6</id>
    <title type="text">Le &lt;b&gt; reste du texte</title>
    <link rel="alternate" type="text/html" href="2011/06/vercors.html"/>
    <link rel="replies" href="2011/06/vercors.html#comments" thr:count="3"/>
    <category term="randonnée" label="Randonnée"/><category term="vercors"/>
    <updated>2011-06-12T10:00:00+02:00</updated>
    <thr:in-reply-to ref="tag:blog.example,2011:1" href="https://blog.example/fr/billets/2011/06/intro.html"/>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Une <a href="../photos/1.jpg">photo</a> du <em>Vercors</em>.</p><p>#Alpes et @guide_isere</p></div></content>
  </entry>
</feed>`;
  const r = parseFeed(xml, { url: 'https://blog.example/feed.atom', now: NOW });
  const m = only(r.mentions);
  assert.equal(m.title, 'Le <b> reste du texte'); // type="text": markup is text
  assert.equal(m.url, 'https://blog.example/fr/billets/2011/06/vercors.html');
  assert.equal(m.text, 'Une photo du Vercors.\n\n#Alpes et @guide_isere');
  assert.deepEqual(m.links, ['https://blog.example/fr/photos/1.jpg']);
  assert.deepEqual(m.hashtags, ['Randonnée', 'vercors', 'Alpes']);
  assert.deepEqual(m.mentioned, ['guide_isere']);
  assert.equal(m.author?.displayName, 'Anaïs Martin');
  assert.equal(m.lang, 'fr');
  assert.equal(m.publishedAt, Date.UTC(2011, 5, 12, 8)); // no <published>: <updated>
  assert.equal(m.replyTo, 'https://blog.example/fr/billets/2011/06/intro.html');
  assert.equal(r.feed?.siteUrl, 'https://blog.example/fr/');
});

test('Atom 0.3, hand-made: modes, issued/modified', () => {
  const xml = `<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>Old Atom</title><link rel="alternate" type="text/html" href="http://old.example/"/>
  <entry><title>Hello</title><link rel="alternate" type="text/html" href="http://old.example/1"/><id>tag:old.example,2004:1</id>
  <issued>2004-01-01T10:00:00Z</issued><modified>2004-01-02T10:00:00Z</modified>
  <content type="text/html" mode="escaped">&lt;p&gt;Bonjour &amp;amp; merci&lt;/p&gt;</content></entry></feed>`;
  const r = parseFeed(xml, { url: 'http://old.example/atom.xml', now: NOW });
  assert.equal(r.feed?.format, 'atom-0.3');
  const m = only(r.mentions);
  assert.equal(m.text, 'Bonjour & merci');
  assert.equal(m.publishedAt, Date.UTC(2004, 0, 1, 10));
  assert.equal(m.networkId, 'tag:old.example,2004:1');
});

test('JSON Feed 1.1 (FeedKit sample): ids scoped to the feed, per-item language, authors', () => {
  const r = parseFeed(fixture('feed_v1_1.json'), { url: 'https://example.org/feed.json', now: NOW, contentType: 'application/feed+json' });
  assert.equal(r.feed?.format, 'json-feed-1.1');
  assert.equal(r.mentions.length, 2);
  const [a, b] = r.mentions as [MentionInput, MentionInput];
  assert.equal(a.networkId, 'https://example.org/feed.json#1'); // "1" is not globally unique
  assert.equal(a.url, 'https://example.org/initial-post');
  assert.equal(a.text, 'Hello, world!');
  assert.equal(a.lang, 'pt');
  assert.equal(b.lang, 'en');
  assert.equal(b.text, 'Hello again, world!');
  assert.equal(a.author?.displayName, 'Brent Simmons'); // the item's author has no name: the feed's
  assert.equal(typeof a.raw, 'object');
});

test('JSON Feed 1.1 (Daring Fireball): content_html to text and links, dates', () => {
  const r = parseFeed(fixture('json-daringfireball.json'), { url: 'https://daringfireball.net/feeds/json', now: NOW });
  const m = only(r.mentions);
  assert.equal(m.title, 'Joanna Stern Interviews Mark Zuckerberg');
  assert.equal(m.publishedAt, Date.UTC(2026, 8, 24, 20, 53, 3));
  assert.equal(m.author?.displayName, 'John Gruber');
  assert.match(m.text, /^Great interview from Stern, as usual, seemingly conducted on the old set of Three’s Company\./);
  assert.ok(m.text.includes('\n\nRegarding the shift'));
  assert.equal(m.links[0], 'https://daringfireball.net/misc/2026/09/stern-zuck-actual.jpeg');
});

test('JSON Feed 1.0, hand-made: author object, tags, external_url, summary', () => {
  const json = JSON.stringify({
    version: 'https://jsonfeed.org/version/1', title: 'Notes', home_page_url: 'https://notes.example/', author: { name: 'Léa Dupont' },
    items: [{ id: 'https://notes.example/1', external_url: 'https://elsewhere.example/a', summary: 'Un résumé #veille', tags: ['médias sociaux', 'buzz'], date_modified: '2012-05-01T08:00:00+02:00' }],
  });
  const r = parseFeed(new TextEncoder().encode(json), { url: 'https://notes.example/feed.json', now: NOW, sourceType: 'news' });
  assert.equal(r.feed?.format, 'json-feed-1.0');
  const m = only(r.mentions);
  assert.equal(m.sourceType, 'news');
  assert.equal(m.url, 'https://elsewhere.example/a');
  assert.equal(m.text, 'Un résumé #veille');
  assert.deepEqual(m.hashtags, ['médiassociaux', 'buzz', 'veille']);
  assert.equal(m.author?.displayName, 'Léa Dupont');
  assert.equal(m.publishedAt, Date.UTC(2012, 4, 1, 6));
});

test('forum feeds give each poster a handle on the site', () => {
  const xml = `<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Forum Montagne</title><link>https://forum-montagne.fr/</link>
  <item><title>Re: Vercors</title><link>https://forum-montagne.fr/t/42#p7</link><dc:creator>Éloïse B.</dc:creator><guid isPermaLink="false">p7</guid></item></channel></rss>`;
  const m = only(parseFeed(xml, { url: 'https://forum-montagne.fr/feed', now: NOW, sourceType: 'forum' }).mentions);
  assert.equal(m.author?.handle, 'forum-montagne.fr/u/eloise-b');
  assert.equal(m.author?.displayName, 'Éloïse B.');
  assert.equal(m.networkId, 'https://forum-montagne.fr/feed#p7');
});

test('the same payload parsed twice yields the same ids and URLs (idempotency)', () => {
  for (const [name, url] of [['rss2sample.xml', 'http://liftoff.msfc.nasa.gov/rss.xml'], ['tpm-with-fragment-base.atom', 'http://talkingpointsmemo.com/f'], ['feed_v1_1.json', 'https://example.org/feed.json']] as const) {
    const a = parseFeed(fixture(name), { url, now: NOW });
    const b = parseFeed(fixture(name), { url, now: NOW + 3_600_000 });
    assert.deepEqual(a.mentions.map((m) => [m.networkId, m.url]), b.mentions.map((m) => [m.networkId, m.url]));
  }
});
