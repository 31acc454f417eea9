// Feed dates: RFC 822 and RFC 3339 and the malformations feeds really contain.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseFeedDate } from '../../../src/listen/sources/feeds/dates.ts';

const utc = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): number => Date.UTC(y, mo - 1, d, h, mi, s, ms);

// input, expected epoch ms
const CASES: [string, number][] = [
  // RFC 822 / RFC 2822 as the RSS 2.0 spec shows them
  ['Tue, 10 Jun 2003 04:00:00 GMT', utc(2003, 6, 10, 4)],
  ['Sat, 07 Sep 2002 00:00:01 GMT', utc(2002, 9, 7, 0, 0, 1)],
  ['Fri, 18 Oct 2019 17:27:37 +0200', utc(2019, 10, 18, 15, 27, 37)],
  ['Wed, 02 Oct 2002 13:00:00 -0500', utc(2002, 10, 2, 18)],
  ['Wed, 02 Oct 2002 13:00:00 +05:30', utc(2002, 10, 2, 7, 30)],
  ['02 Oct 2002 13:00 UT', utc(2002, 10, 2, 13)],
  // two-digit years (RFC 2822 §4.3: < 50 → 20xx)
  ['Thu, 07 Dec 17 10:00:29 -0800', utc(2017, 12, 7, 18, 0, 29)],
  ['Sun, 10 Dec 99 13:01:36 GMT', utc(1999, 12, 10, 13, 1, 36)],
  ['10-Jun-03 04:00', utc(2003, 6, 10, 4)],
  // named zones
  ['Wed, 17 Jan 2018 15:50:00 EST', utc(2018, 1, 17, 20, 50)],
  ['Wed, 17 Jan 2018 15:50:00 EDT', utc(2018, 1, 17, 19, 50)],
  ['Mon, 15 May 2011 09:00:00 CEST', utc(2011, 5, 15, 7)],
  ['Mon, 15 May 2011 09:00:00 CET', utc(2011, 5, 15, 8)],
  ['Mon, 15 May 2011 09:00:00 PDT', utc(2011, 5, 15, 16)],
  ['Mon, 15 May 2011 09:00:00 Z', utc(2011, 5, 15, 9)],
  // missing time zone → UTC; missing seconds; missing time; trailing whitespace and newlines
  ['Tue, 10 Jun 2003 04:00:00', utc(2003, 6, 10, 4)],
  ['Tue, 10 Jun 2003 04:00', utc(2003, 6, 10, 4)],
  ['10 Jun 2003', utc(2003, 6, 10)],
  ['Wed, 03 Jan 2018 13:47:00 GMT\n      ', utc(2018, 1, 3, 13, 47)],
  // a wrong day name is ignored, not trusted
  ['Mon, 10 Jun 2003 04:00:00 GMT', utc(2003, 6, 10, 4)],
  // RFC 3339 / W3C-DTF
  ['2003-12-13T18:30:02Z', utc(2003, 12, 13, 18, 30, 2)],
  ['2003-12-13T18:30:02.25Z', utc(2003, 12, 13, 18, 30, 2, 250)],
  ['2003-12-13T18:30:02.123456+01:00', utc(2003, 12, 13, 17, 30, 2, 123)],
  ['2003-12-13T08:29:29-04:00', utc(2003, 12, 13, 12, 29, 29)],
  ['2000-01-01T12:00+00:00', utc(2000, 1, 1, 12)],
  ['2003-12-13', utc(2003, 12, 13)],
  ['2003-12', utc(2003, 12, 1)],
  ['2003', utc(2003, 1, 1)],
  // ISO malformations: no zone, a space for the T, compact forms, zone words
  ['2003-12-13T18:30:02', utc(2003, 12, 13, 18, 30, 2)],
  ['2024-01-05 10:00:00 +0100', utc(2024, 1, 5, 9)],
  ['2024-01-05 10:00:00', utc(2024, 1, 5, 10)],
  ['20030603T093921Z', utc(2003, 6, 3, 9, 39, 21)],
  ['2024-01-05T10:00:00 GMT+0100', utc(2024, 1, 5, 9)],
  ['2024-01-05T10:00:00 CEST', utc(2024, 1, 5, 8)],
  // JavaScript's Date#toString, US style, asctime
  ['Tue Jun 03 2003 09:39:21 GMT+0200 (Central European Summer Time)', utc(2003, 6, 3, 7, 39, 21)],
  ['June 3, 2003 9:39 PM EST', utc(2003, 6, 4, 2, 39)],
  ['June 3, 2003', utc(2003, 6, 3)],
  ['Tue Jun  3 09:39:21 2003', utc(2003, 6, 3, 9, 39, 21)],
  // French (and other languages) month and day names
  ['mardi 10 juin 2003 04:00:00 +0200', utc(2003, 6, 10, 2)],
  ['lun., 5 févr. 2024 10:30:00 +0100', utc(2024, 2, 5, 9, 30)],
  ['12 juillet 2011 à 18h30', utc(2011, 7, 12, 18, 30)],
  ['1er août 2012', utc(2012, 8, 1)],
  ['15 déc. 2011 08:00', utc(2011, 12, 15, 8)],
  ['Di, 15 Okt 2013 08:00:00 MESZ', utc(2013, 10, 15, 6)],
  ['15 dic 2011 08:00 GMT', utc(2011, 12, 15, 8)],
  // leap second, hour 24
  ['2016-12-31T23:59:60Z', utc(2016, 12, 31, 23, 59, 59)],
  ['2016-12-31T24:00:00Z', utc(2017, 1, 1)],
];

test('reads RFC 822, RFC 3339 and their common malformations', () => {
  for (const [input, expected] of CASES) {
    const got = parseFeedDate(input);
    assert.equal(got, expected, `${JSON.stringify(input)} → ${got === null ? 'null' : new Date(got).toISOString()}, expected ${new Date(expected).toISOString()}`);
  }
});

test('returns null for what is not a date', () => {
  for (const input of ['', '   ', 'yesterday', 'n/a', '32 Jan 2003', '30 Feb 2003', '2003-13-01', '2003-02-30T10:00:00Z', '10 Foo 2003 10:00', 'Tue, 10 Jun 2003 25:00:00 GMT', '2003-06-10T10:00:00+25:00', 'x'.repeat(200), null, undefined]) {
    assert.equal(parseFeedDate(input), null, JSON.stringify(input));
  }
});

test('an unknown short zone name reads as UTC rather than losing the date', () => {
  assert.equal(parseFeedDate('Tue, 10 Jun 2003 04:00:00 XYZ'), utc(2003, 6, 10, 4));
  assert.equal(parseFeedDate('Tue, 10 Jun 2003 04:00:00 J'), utc(2003, 6, 10, 4));
});
