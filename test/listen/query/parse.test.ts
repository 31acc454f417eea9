// Every construct of the topic query language, parsed to its tree.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type PhraseNode, parseQuery, printQuery, type QueryNode, type TermNode } from '../../../src/listen/query/index.ts';

const term = (text: string): TermNode => ({ type: 'term', text });
const phrase = (text: string): PhraseNode => ({ type: 'phrase', text });

const CASES: [string, QueryNode][] = [
  ['cimes', term('cimes')],
  ['Élysée', term('Élysée')],
  ["l'Élysée", term("l'Élysée")],
  ['covid-19', term('covid-19')],
  ['"cimes & sentiers"', phrase('cimes & sentiers')],
  ['a AND b', { type: 'and', children: [term('a'), term('b')] }],
  ['a b c', { type: 'and', children: [term('a'), term('b'), term('c')] }],
  ['a AND b c', { type: 'and', children: [term('a'), term('b'), term('c')] }],
  ['a OR b OR c', { type: 'or', children: [term('a'), term('b'), term('c')] }],
  ['and or not', { type: 'and', children: [term('and'), term('or'), term('not')] }],
  ['NOT a', { type: 'not', child: term('a') }],
  ['-a', { type: 'not', child: term('a') }],
  ['a -b', { type: 'and', children: [term('a'), { type: 'not', child: term('b') }] }],
  ['a -"b c" -(d OR e)', { type: 'and', children: [term('a'), { type: 'not', child: phrase('b c') }, { type: 'not', child: { type: 'or', children: [term('d'), term('e')] } }] }],
  ['NOT NOT a', { type: 'not', child: { type: 'not', child: term('a') } }],
  ['a AND NOT b', { type: 'and', children: [term('a'), { type: 'not', child: term('b') }] }],
  ['a NOT b', { type: 'and', children: [term('a'), { type: 'not', child: term('b') }] }],
  ['(a)', term('a')],
  ['((a OR b))', { type: 'or', children: [term('a'), term('b')] }],
  [
    '(cimes OR "cimes & sentiers") AND NOT emploi',
    { type: 'and', children: [{ type: 'or', children: [term('cimes'), phrase('cimes & sentiers')] }, { type: 'not', child: term('emploi') }] },
  ],
  ['a AND (b AND c)', { type: 'and', children: [term('a'), { type: 'and', children: [term('b'), term('c')] }] }],
  ['elys*', { type: 'wildcard', pattern: 'elys*' }],
  ['organi?ation', { type: 'wildcard', pattern: 'organi?ation' }],
  ['"dsk sofitel"~5', { type: 'proximity', text: 'dsk sofitel', distance: 5 }],
  ['dsk NEAR/3 sofitel', { type: 'near', left: term('dsk'), right: term('sofitel'), distance: 3, ordered: false }],
  ['dsk ONEAR/0 sofitel', { type: 'near', left: term('dsk'), right: term('sofitel'), distance: 0, ordered: true }],
  [
    '(dsk OR strauss*) NEAR/5 "new york"',
    { type: 'near', left: { type: 'or', children: [term('dsk'), { type: 'wildcard', pattern: 'strauss*' }] }, right: phrase('new york'), distance: 5, ordered: false },
  ],
  [
    'a NEAR/2 b ONEAR/3 c',
    { type: 'near', left: { type: 'near', left: term('a'), right: term('b'), distance: 2, ordered: false }, right: term('c'), distance: 3, ordered: true },
  ],
  [
    'a NEAR/2 (b NEAR/1 c)',
    { type: 'near', left: term('a'), right: { type: 'near', left: term('b'), right: term('c'), distance: 1, ordered: false }, distance: 2, ordered: false },
  ],
  ['NOT a NEAR/2 b', { type: 'not', child: { type: 'near', left: term('a'), right: term('b'), distance: 2, ordered: false } }],
  ['raw:Apple NEAR/2 "le monde"', { type: 'near', left: { type: 'raw', value: term('Apple') }, right: phrase('le monde'), distance: 2, ordered: false }],
  ['#CimesAlpha OR @cimes', { type: 'or', children: [{ type: 'hashtag', tag: 'CimesAlpha' }, { type: 'mention', handle: 'cimes' }] }],
  ['@cimes@mastodon.social', { type: 'mention', handle: 'cimes@mastodon.social' }],
  ['#covid_19', { type: 'hashtag', tag: 'covid_19' }],
  ['raw:Apple', { type: 'raw', value: term('Apple') }],
  ['raw:"Le Monde"', { type: 'raw', value: phrase('Le Monde') }],
  ['title:sofitel', { type: 'field', field: 'title', value: term('sofitel') }],
  ['Title:sofitel', { type: 'field', field: 'title', value: term('sofitel') }],
  ['title:"new york"', { type: 'field', field: 'title', value: phrase('new york') }],
  ['title:elys*', { type: 'field', field: 'title', value: { type: 'wildcard', pattern: 'elys*' } }],
  ['title:raw:Apple', { type: 'field', field: 'title', value: { type: 'raw', value: term('Apple') } }],
  [
    'title:(dsk AND NOT fmi)',
    { type: 'field', field: 'title', value: { type: 'and', children: [term('dsk'), { type: 'not', child: term('fmi') }] } },
  ],
  ['title:(a NEAR/2 b)', { type: 'field', field: 'title', value: { type: 'near', left: term('a'), right: term('b'), distance: 2, ordered: false } }],
  ['title:"a b"~3', { type: 'field', field: 'title', value: { type: 'proximity', text: 'a b', distance: 3 } }],
  ['author:cimes', { type: 'field', field: 'author', value: term('cimes') }],
  ['author:@cimes', { type: 'field', field: 'author', value: { type: 'mention', handle: 'cimes' } }],
  ['author:"Jean Dupont"', { type: 'field', field: 'author', value: phrase('Jean Dupont') }],
  ['author:cimes_*', { type: 'field', field: 'author', value: { type: 'wildcard', pattern: 'cimes_*' } }],
  ['site:lemonde.fr', { type: 'field', field: 'site', value: term('lemonde.fr') }],
  ['url:https://www.lemonde.fr/a?b=1', { type: 'field', field: 'url', value: term('https://www.lemonde.fr/a?b=1') }],
  ['url:"lemonde.fr/a (b)"', { type: 'field', field: 'url', value: phrase('lemonde.fr/a (b)') }],
  ['lang:fr', { type: 'field', field: 'lang', value: term('fr') }],
  ['lang:(fr OR en)', { type: 'field', field: 'lang', value: { type: 'or', children: [term('fr'), term('en')] } }],
  ['country:FR', { type: 'field', field: 'country', value: term('FR') }],
  ['source:blog', { type: 'field', field: 'source', value: term('blog') }],
  ['gender:female', { type: 'field', field: 'gender', value: term('female') }],
  ['sentiment:negative', { type: 'field', field: 'sentiment', value: term('negative') }],
  ['-lang:en', { type: 'not', child: { type: 'field', field: 'lang', value: term('en') } }],
  [
    'lang:fr AND sentiment:negative AND (arnaque OR honte OR boycott)',
    {
      type: 'and',
      children: [
        { type: 'field', field: 'lang', value: term('fr') },
        { type: 'field', field: 'sentiment', value: term('negative') },
        { type: 'or', children: [term('arnaque'), term('honte'), term('boycott')] },
      ],
    },
  ],
  ['  a\tOR\nb  ', { type: 'or', children: [term('a'), term('b')] }],
  ['a"b c"', { type: 'and', children: [term('a'), phrase('b c')] }],
  ['NEARBY', term('NEARBY')],
];

test('every construct parses to its tree', () => {
  for (const [query, tree] of CASES) assert.deepEqual(parseQuery(query), tree, query);
});

test('the canonical text of every construct parses back to the same tree', () => {
  for (const [query, tree] of CASES) assert.deepEqual(parseQuery(printQuery(tree)), tree, query);
});

test('printing spells operators in full and adds only the parentheses the grammar needs', () => {
  const canonical: [string, string][] = [
    ['a -b', 'a AND NOT b'],
    ['a b', 'a AND b'],
    ['((a OR b)) -(c d)', '(a OR b) AND NOT (c AND d)'],
    ['a NEAR/2 b ONEAR/3 c', 'a NEAR/2 b ONEAR/3 c'],
    ['a NEAR/2 (b NEAR/1 c)', 'a NEAR/2 (b NEAR/1 c)'],
    ['(a OR b) NEAR/2 c', '(a OR b) NEAR/2 c'],
    ['title:(a NEAR/2 b) lang:(fr OR en)', 'title:(a NEAR/2 b) AND lang:(fr OR en)'],
    ['NOT (a OR b)', 'NOT (a OR b)'],
  ];
  for (const [query, text] of canonical) assert.equal(printQuery(parseQuery(query)), text, query);
});
