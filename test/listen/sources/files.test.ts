// Files of mentions: CSV (delimiters, quotes with line breaks, encodings, column mapping, bad
// rows with their line), an X archive's tweets.js, NDJSON; all pure, on committed fixtures.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { decodeFile, detectDelimiter, detectFormat, parseCsv, parseCsvDate, parseTwitterDate, readIngestFile, readTweetsJs, resolveMapping } from '../../../src/listen/sources/index.ts';
import { checkItem } from '../../../src/listen/receive.ts';

const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, 'fixtures', name));

test('CSV: quoted fields hold delimiters, doubled quotes and line breaks; each record says its line', () => {
  const { records, problems } = parseCsv('a,b,c\r\n1,"x, ""y""",3\n2,"two\nlines",4\n\n5,,\n', ',');
  assert.deepEqual(problems, []);
  assert.deepEqual(records, [
    { line: 1, fields: ['a', 'b', 'c'] },
    { line: 2, fields: ['1', 'x, "y"', '3'] },
    { line: 3, fields: ['2', 'two\nlines', '4'] },
    { line: 6, fields: ['5', '', ''] },
  ]);
  const truncated = parseCsv('a,b\n1,"never closed\n2,3\n', ',');
  assert.equal(truncated.problems[0]!.line, 2);
});

test('CSV: the delimiter is detected (, ; tab |), quotes respected', () => {
  assert.equal(detectDelimiter('a;b;c\n1;"x,y";3\n'), ';');
  assert.equal(detectDelimiter('a\tb\n1\t2\n'), '\t');
  assert.equal(detectDelimiter('a|b|c\n1|2|3\n'), '|');
  assert.equal(detectDelimiter('a,b\n"1;2",3\n'), ',');
});

test('encodings: UTF-8 with and without BOM, UTF-16 with and without BOM, Windows-1252 fallback, a forced label', () => {
  const text = 'texte,date\nÉlysée — 100 €,2024-01-01\n';
  assert.equal(decodeFile(Buffer.from(`\uFEFF${text}`, 'utf8')).text.replace(/^\uFEFF/, ''), text);
  assert.equal(decodeFile(Buffer.from(text, 'utf8')).encoding, 'utf-8');
  assert.equal(decodeFile(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])).text, text);
  const le = decodeFile(Buffer.from(text, 'utf16le'));
  assert.equal(le.encoding, 'utf-16le');
  assert.equal(le.text, text);
  const cp1252 = decodeFile(Buffer.from([...Buffer.from('caf'), 0xe9, 0x20, 0x80]));
  assert.equal(cp1252.text, 'café €');
  assert.equal(cp1252.encoding, 'windows-1252');
  assert.ok(cp1252.warnings.length > 0);
  assert.equal(decodeFile(Buffer.from([0x63, 0xe9]), 'iso-8859-1').text, 'cé');
  assert.throws(() => decodeFile(Buffer.from('x'), 'klingon'), /Unknown encoding "klingon"/);
});

test('column mapping: common headers are guessed (English, French), a user mapping wins, unknown columns are listed', () => {
  const { mapping, unknownColumns } = resolveMapping(['Date', 'Auteur', 'Texte', 'Lien', 'Abonnés', 'Langue', 'Colonne inconnue']);
  assert.deepEqual(mapping, { publishedAt: 'Date', 'author.handle': 'Auteur', text: 'Texte', url: 'Lien', 'author.followers': 'Abonnés', lang: 'Langue' });
  assert.deepEqual(unknownColumns, ['Colonne inconnue']);
  assert.equal(resolveMapping(['when', 'body'], { publishedAt: 'when' }).mapping.publishedAt, 'when');
  assert.throws(() => resolveMapping(['a'], { text: 'b' }), /The column "b" mapped to text is not in the file's header/);
  assert.throws(() => resolveMapping(['a'], { colour: 'a' } as never), /Unknown field "colour"/);
});

test('dates as exports write them', () => {
  assert.equal(parseCsvDate('2024-03-12T09:15:00Z'), Date.UTC(2024, 2, 12, 9, 15));
  assert.equal(parseCsvDate('12/03/2024 09:15'), Date.UTC(2024, 2, 12, 9, 15));
  assert.equal(parseCsvDate('03/31/2024'), Date.UTC(2024, 2, 31));
  assert.equal(parseCsvDate('1710234900'), 1710234900_000);
  assert.equal(parseCsvDate('Tue, 12 Mar 2024 09:15:00 GMT'), Date.UTC(2024, 2, 12, 9, 15));
  assert.equal(parseCsvDate('pas une date'), null);
});

test('a Windows-1252 semicolon CSV from a French spreadsheet: every good row in, the bad one reported with its line', () => {
  const file = readIngestFile(fixture('mentions-semicolon-latin1.csv'), 'export.csv');
  assert.equal(file.format, 'csv');
  assert.equal(file.encoding, 'windows-1252');
  assert.equal(file.delimiter, ';');
  assert.deepEqual(file.unknownColumns, ['Colonne inconnue']);
  assert.ok(file.notes.some((n) => /Colonne inconnue/.test(n.message)));
  assert.equal(file.items.length, 4);
  const [a, b, c, d] = file.items;
  assert.ok(a && 'item' in a && b && 'item' in b && c && 'error' in c && d && 'item' in d);
  assert.equal(c.position, 'line 5', 'the quoted line break moved the next rows down one line');
  assert.match(c.error, /column Date: "pas une date" is not a date/);
  const first = checkItem(a.item);
  assert.ok(first.ok);
  assert.equal(first.mention.text, "Très déçu par l'appli, c'est une arnaque");
  assert.equal(first.mention.author?.handle, 'camille');
  assert.equal(first.mention.author?.followers, 1234);
  assert.equal(first.mention.publishedAt, Date.UTC(2024, 2, 12, 9, 15));
  assert.equal((b.item as { text: string }).text, 'Deux lignes\ndans un seul champ; avec un point-virgule');
  assert.match((d.item as { text: string }).text, /Génial « vraiment » — 100 € bien placés/);
  assert.equal(d.position, 'line 6');
});

test('a CSV without a text or date column is refused with the columns it has', () => {
  assert.throws(() => readIngestFile(Buffer.from('foo,bar\n1,2\n'), 'x.csv'), /No column holds the text \(columns: foo, bar\)/);
  const mapped = readIngestFile(Buffer.from('foo,bar\nhello,2024-01-01\n'), 'x.csv', { mapping: { text: 'foo', publishedAt: 'bar' } });
  assert.equal((mapped.items[0] as { item: { text: string } }).item.text, 'hello');
});

test('a row with more fields than the header, or counts that are not numbers, is reported', () => {
  const file = readIngestFile(Buffer.from('text,date,likes\na,2024-01-01,3\nb,2024-01-01,lots\nc,2024-01-01,1,extra\n'), 'x.csv');
  assert.ok('item' in file.items[0]!);
  assert.match((file.items[1] as { error: string }).error, /column likes: "lots" is not a number/);
  assert.match((file.items[2] as { error: string }).error, /4 fields where the header has 3/);
});

test('tweets.js: the archive owner from their media links, t.co expanded, reply, retweet and quote found, a bad date reported', () => {
  assert.equal(parseTwitterDate('Wed Oct 10 20:19:24 +0000 2018'), Date.UTC(2018, 9, 10, 20, 19, 24));
  assert.equal(parseTwitterDate('Fri Oct 12 09:30:00 +0200 2018'), Date.UTC(2018, 9, 12, 7, 30));
  const archive = readTweetsJs(fixture('tweets.js').toString('utf8'), null);
  assert.equal(archive.owner, 'camille_dev');
  assert.equal(archive.items.length, 4);
  const [one, rt, quote, bad] = archive.items as Array<{ item: Record<string, unknown>; position: string } & { error?: string }>;
  const first = checkItem(one!.item);
  assert.ok(first.ok);
  assert.equal(first.mention.network, 'x');
  assert.equal(first.mention.networkId, '1050118621198921728');
  assert.equal(first.mention.url, 'https://x.com/camille_dev/status/1050118621198921728');
  assert.equal(first.mention.author?.handle, 'camille_dev');
  assert.equal(first.mention.text, '@ana_m on lance enfin le projet #relais https://relais.example/blog/launch');
  assert.deepEqual(first.mention.hashtags, ['relais']);
  assert.deepEqual(first.mention.mentioned, ['ana_m']);
  assert.deepEqual(first.mention.links, ['https://relais.example/blog/launch']);
  assert.equal(first.mention.replyTo, 'https://x.com/ana_m/status/1050110000000000000');
  assert.deepEqual(first.mention.engagement, { likes: 14, shares: 3 });
  assert.equal(rt!.item.reshareOf, 'https://x.com/bluesky');
  assert.equal(rt!.item.text, 'RT @bluesky: Decentralised social is here & growing');
  assert.equal(quote!.item.quoteOf, 'https://twitter.com/someone/status/1049999999999999999');
  assert.match(bad!.error!, /created_at "not a date" is not a date/);
  assert.match(bad!.position, /^tweet 4, line \d+$/);
  assert.equal(readTweetsJs(fixture('tweets.js').toString('utf8'), '@someone_else').owner, 'someone_else');
});

test('a truncated tweets.js says where the JSON broke; a file that is not an archive says so', () => {
  const text = fixture('tweets.js').toString('utf8');
  const cut = readTweetsJs(text.slice(0, 900), null);
  assert.equal(cut.items.length, 0);
  assert.match(cut.problems[0]!.message, /not valid JSON.*truncated/);
  assert.match(cut.problems[0]!.position, /^line \d+$/);
  assert.match(readTweetsJs('hello', null).problems[0]!.message, /Not an X\/Twitter archive/);
});

test('the format is told by the extension, else by the content', () => {
  assert.equal(detectFormat('a.ndjson', ''), 'ndjson');
  assert.equal(detectFormat('tweets.js', 'window.YTD.tweets.part0 = ['), 'tweets-js');
  assert.equal(detectFormat('upload', 'window.YTD.tweet.part0 = ['), 'tweets-js');
  assert.equal(detectFormat('upload', '{"a":1}\n'), 'ndjson');
  assert.equal(detectFormat('upload', 'text,date\n'), 'csv');
  const nd = readIngestFile(Buffer.from('{"a":1}\n{"b":'), 'm.ndjson');
  assert.match((nd.items[1] as { error: string }).error, /not JSON.*truncated/);
});
