// The dictionaries: tsc already holds fr.ts to en.ts's keys; this checks what it cannot see.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { en, type MessageKey } from '../../web/src/i18n/en.ts';
import { fr } from '../../web/src/i18n/fr.ts';

const placeholders = (message: string) => [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test('French and English messages take the same {placeholders}', () => {
  for (const key of Object.keys(en) as MessageKey[]) {
    assert.deepEqual(placeholders(fr[key]), placeholders(en[key]), key);
  }
});

test('no message is empty or left untranslated by mistake', () => {
  // Words that are the same in both languages.
  const same = new Set(['spread.strategy.pagerank', 'app.name', 'lang.fr', 'lang.en', 'overview.mentions', 'overview.articles', 'role.manager',
    'listen.tab.sources', 'sources.actions', 'sources.active', 'sources.kind.mastodon', 'sources.kind.bluesky']);
  for (const key of Object.keys(en) as MessageKey[]) {
    assert.ok(en[key].trim() && fr[key].trim(), `${key} is empty`);
    if (!same.has(key)) assert.notEqual(fr[key], en[key], `${key} is not translated`);
  }
});

test('French punctuation is held by a no-break space', () => {
  for (const [key, message] of Object.entries(fr)) {
    assert.doesNotMatch(message, / [:;!?»]|« /, `${key}: use a narrow no-break space (U+202F) before : ; ! ? » and after «`);
  }
});
