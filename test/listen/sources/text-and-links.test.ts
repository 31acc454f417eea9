// HTML to plain text, links resolved against xml:base and the feed URL, hashtags and handles.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { categoryHashtag, personName, primaryLanguage } from '../../../src/listen/sources/feeds/entry.ts';
import { handlesIn, hashtagsIn, htmlToText, linksInText } from '../../../src/listen/sources/feeds/html-text.ts';
import { parseFeed } from '../../../src/listen/sources/feeds/parse.ts';

const NOW = Date.UTC(2024, 0, 1);

test('HTML to text: entities, blocks and line breaks, scripts and styles dropped, <pre> kept', () => {
  const html = `<div><h1>Titre</h1><p>Un&nbsp;texte &amp; une <b>suite</b>.<br>Ligne&#160;2</p>
<script>alert("x")</script><style>p{color:red}</style><ul><li>un</li><li>deux</li></ul><pre>a  b
c</pre><img src="t.gif" alt="pixel"></div>`;
  assert.equal(htmlToText(html, null).text, 'Titre\n\nUn texte & une suite.\nLigne 2\n\nun\n\ndeux\n\na b\nc');
});

test('HTML to text: malformed markup is read as a browser would', () => {
  assert.equal(htmlToText('<p>one<p>two <i>three</b> four', null).text, 'one\n\ntwo three four');
  assert.equal(htmlToText('a < b && c > d', null).text, 'a < b && c > d');
});

test('links: anchors resolved against the base, bare URLs in text, no duplicates, http(s) only', () => {
  const { links } = htmlToText('<a href="/a">a</a> <a href="b?x=1&amp;y=2">b</a> <a href="/a">again</a> <a href="#top">top</a> voir https://ex.example/c). et (https://ex.example/d_(e)) <a href="ftp://f">f</a>', 'https://site.example/blog/post.html');
  assert.deepEqual(links, ['https://site.example/a', 'https://site.example/blog/b?x=1&y=2', 'https://site.example/blog/post.html#top', 'https://ex.example/c', 'https://ex.example/d_(e)']);
  assert.deepEqual(linksInText('See http://x.example/p, and https://y.example/q!'), ['http://x.example/p', 'https://y.example/q']);
});

test('hashtags and handles in text; categories as hashtags', () => {
  assert.deepEqual(hashtagsIn('Le #BoycottCimes continue, #1 des tendances, l’ancre /page#section et &#233; #été'), ['BoycottCimes', 'été']);
  assert.deepEqual(handlesIn('Merci @cimes_sentiers et @ana@mastodon.social ! écrire à contact@cimes.fr'), ['cimes_sentiers', 'ana@mastodon.social']);
  assert.equal(categoryHashtag('Social Media'), 'SocialMedia');
  assert.equal(categoryHashtag('/Tourism/New York'), 'NewYork');
  assert.equal(categoryHashtag(' -- '), null);
});

test('authors and languages as feeds write them', () => {
  assert.equal(personName('writer@example.com (Writer)'), 'Writer');
  assert.equal(personName('Jeanne Martin <jeanne@example.com>'), 'Jeanne Martin');
  assert.equal(personName('jeanne@example.com'), null);
  assert.equal(personName('  Jeanne\n Martin '), 'Jeanne Martin');
  assert.deepEqual(['en-us', 'en_US', 'FR', 'pt-BR', 'unknown', '', null].map(primaryLanguage), ['en', 'en', 'fr', 'pt', null, null, null]);
});

test('xml:base: nested bases resolve against each other, then the feed URL', () => {
  const xml = `<feed xmlns="http://www.w3.org/2005/Atom" xml:base="/blog/">
  <title>B</title><link href="."/>
  <entry xml:base="2024/">
    <id>tag:b,2024:1</id><title>One</title><link href="one.html"/>
    <content type="html" xml:base="https://cdn.example/assets/">&lt;a href="img/p.png"&gt;p&lt;/a&gt; &lt;a href="/root"&gt;r&lt;/a&gt;</content>
  </entry>
  <entry><id>tag:b,2024:2</id><title>Two</title><link href="/two.html"/><summary type="html">&lt;a href="rel"&gt;x&lt;/a&gt;</summary></entry>
</feed>`;
  const r = parseFeed(xml, { url: 'https://www.site.example/feeds/atom.xml', now: NOW });
  assert.equal(r.feed?.siteUrl, 'https://www.site.example/blog/');
  const [one, two] = r.mentions;
  assert.equal(one?.url, 'https://www.site.example/blog/2024/one.html');
  assert.deepEqual(one?.links, ['https://cdn.example/assets/img/p.png', 'https://cdn.example/root']);
  assert.equal(two?.url, 'https://www.site.example/two.html');
  assert.deepEqual(two?.links, ['https://www.site.example/blog/rel']);
  assert.equal(one?.author?.handle, 'site.example');
});

test('RSS: relative links resolve against the feed URL (after redirects)', () => {
  const xml = `<rss version="2.0"><channel><title>R</title><link>/</link><item><title>a</title><link>posts/a</link><description>&lt;a href="../img/x.png"&gt;x&lt;/a&gt;</description></item></channel></rss>`;
  const r = parseFeed(xml, { url: 'https://new.example/feeds/rss.xml', sourceUrl: 'https://old.example/rss', now: NOW });
  assert.equal(r.feed?.siteUrl, 'https://new.example/');
  assert.equal(r.mentions[0]?.url, 'https://new.example/feeds/posts/a');
  assert.deepEqual(r.mentions[0]?.links, ['https://new.example/img/x.png']);
});

test('titles: escaped HTML in RSS titles is decoded; plain text with "<" is kept', () => {
  const xml = `<rss version="2.0"><channel><title>R</title>
  <item><title>&lt;b&gt;Gras&lt;/b&gt; &amp;amp; net</title><link>https://r.example/1</link></item>
  <item><title>a &lt; b</title><link>https://r.example/2</link></item></channel></rss>`;
  const r = parseFeed(xml, { url: 'https://r.example/rss', now: NOW });
  assert.deepEqual(r.mentions.map((m) => m.title), ['Gras & net', 'a < b']);
});

test('engagement and reply targets from slash:comments and Atom threading', () => {
  const xml = `<rss version="2.0" xmlns:slash="http://purl.org/rss/1.0/modules/slash/" xmlns:thr="http://purl.org/syndication/thread/1.0"><channel><title>R</title>
  <item><title>c</title><link>https://r.example/c</link><slash:comments>12</slash:comments><thr:in-reply-to ref="https://r.example/parent"/></item></channel></rss>`;
  const m = parseFeed(xml, { url: 'https://r.example/rss', now: NOW }).mentions[0];
  assert.deepEqual(m?.engagement, { replies: 12 });
  assert.equal(m?.replyTo, 'https://r.example/parent');
});
