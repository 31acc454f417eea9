import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decide, ruleMatches } from '../../src/engage/assign.ts';
import { coverageGaps, parseClock, whoIsOn, type Shift } from '../../src/engage/rota.ts';
import { fillVariables, isQuestion, priorityOf, triage } from '../../src/engage/triage.ts';

test('questions are found by their mark or an interrogative word, in French and English, not in a link', () => {
  assert.equal(isQuestion('Vous livrez à Lyon ?'), true);
  assert.equal(isQuestion('Comment je change mon adresse'), true);
  assert.equal(isQuestion('@acme how do I reset my password'), true);
  assert.equal(isQuestion('Super soirée hier. Pourquoi pas recommencer'), true);
  assert.equal(isQuestion('Lisez https://example.com/a?b=1 super article'), false);
  assert.equal(isQuestion('Merci pour la livraison rapide'), false);
});

test('triage gives every reason a mention needs a human, and none for chatter', () => {
  const brand = ['acme@mastodon.social'];
  assert.deepEqual(triage({ text: 'Service nul, trois semaines sans colis', sentiment: 'negative', mentioned: ['@acme@mastodon.social'], repliesToBrand: false }, brand), ['complaint', 'brand-mention']);
  assert.deepEqual(triage({ text: 'Top', sentiment: 'positive', mentioned: [], repliesToBrand: true }, brand), ['reply-to-brand']);
  assert.deepEqual(triage({ text: 'Joli temps', sentiment: 'neutral', mentioned: ['@other'], repliesToBrand: false }, brand), []);
  assert.equal(priorityOf(['complaint'], 50_000), 'urgent');
  assert.equal(priorityOf(['complaint'], 10), 'high');
  assert.equal(priorityOf(['question'], 50_000), 'normal');
});

test('saved replies fill the author\'s first name, and leave unknown variables as written', () => {
  assert.equal(fillVariables('Bonjour {firstName}, merci {unknown}', { displayName: 'Élodie Martin', handle: 'elodie@social.example' }), 'Bonjour Élodie, merci {unknown}');
  assert.equal(fillVariables('Hi {firstName} ({handle})', { displayName: null, handle: 'bob@x.example' }), 'Hi bob (@bob@x.example)');
});

// Monday 23 November 2026, 09:00 in Paris (UTC+1) is 08:00 UTC.
const MON_9_PARIS = Date.UTC(2026, 10, 23, 8);
const shift = (userId: number, weekday: number, start: string, end: string, kind: Shift['kind'] = 'duty'): Shift => ({ userId, kind, weekday, startMinute: parseClock(start)!, endMinute: parseClock(end)!, timeZone: 'Europe/Paris' });

test('who is on duty follows each shift\'s time zone and the dates off', () => {
  const shifts = [shift(1, 1, '09:00', '12:00'), shift(2, 1, '08:00', '10:00'), shift(3, 1, '00:00', '24:00', 'on-call'), { ...shift(4, 1, '09:00', '10:00'), timeZone: 'America/New_York' }];
  assert.deepEqual(whoIsOn(MON_9_PARIS, shifts, []), { duty: [1, 2], onCall: [3] });
  assert.deepEqual(whoIsOn(MON_9_PARIS, shifts, [{ userId: 1, date: '2026-11-23', kind: 'off', startMinute: null, endMinute: null, timeZone: 'Europe/Paris' }]), { duty: [2], onCall: [3] });
  // 09:00 in New York is 15:00 in Paris.
  assert.deepEqual(whoIsOn(MON_9_PARIS + 6 * 3_600_000, shifts, []).duty, [4]);
  assert.deepEqual(whoIsOn(MON_9_PARIS, [], [{ userId: 7, date: '2026-11-23', kind: 'on', startMinute: 540, endMinute: 600, timeZone: 'Europe/Paris' }]).duty, [7]);
});

test('coverage gaps over 7 days: a weekday-only rota leaves the nights and the weekend, with who is on call', () => {
  const weekdays = [1, 2, 3, 4, 5].map((d) => shift(1, d, '09:00', '18:00'));
  const gaps = coverageGaps(MON_9_PARIS, [...weekdays, shift(9, 6, '00:00', '24:00', 'on-call')], []);
  // Mon–Fri nights (4 between the days, plus Friday 18:00 to Monday 09:00 split at Saturday and Sunday by the on-call change).
  assert.equal(gaps[0]!.from, Date.UTC(2026, 10, 23, 17));
  assert.equal(gaps[0]!.to, Date.UTC(2026, 10, 24, 8));
  const saturday = gaps.find((g) => g.onCall.includes(9))!;
  assert.equal(saturday.from, Date.UTC(2026, 10, 27, 23));
  assert.equal(saturday.to, Date.UTC(2026, 10, 28, 23));
  const full = [1, 2, 3, 4, 5, 6, 7].map((d) => shift(1, d, '00:00', '24:00'));
  assert.deepEqual(coverageGaps(MON_9_PARIS, full, []), []);
});

test('assignment: the first matching rule wins; teams and the rest go round-robin among those on duty; nobody on duty → on call', () => {
  const candidate = { network: 'mastodon', lang: 'fr', sentiment: 'negative', topics: [4], text: 'Je veux un REMBOURSEMENT' };
  assert.equal(ruleMatches({ keywords: ['remboursement'], lang: 'fr' }, candidate), true);
  assert.equal(ruleMatches({ keywords: ['remboursement'], lang: 'en' }, candidate), false);
  const rules = [{ id: 1, conditions: { network: 'bluesky' }, userId: 5, team: null, priority: null }, { id: 2, conditions: { topicId: 4 }, userId: null, team: 'sav', priority: 'high' }];
  const teams = new Map([['sav', [2, 3]]]);
  const on = { duty: [1, 2, 3], onCall: [] };
  const first = decide(candidate, rules, on, teams, {});
  assert.deepEqual([first.userId, first.team, first.priority], [2, 'sav', 'high']);
  assert.equal(decide(candidate, rules, on, teams, { 'team:sav': 2 }).userId, 3);
  assert.equal(decide(candidate, rules, on, teams, { 'team:sav': 3 }).userId, 2);
  assert.equal(decide({ ...candidate, network: 'bluesky' }, rules, on, teams, {}).userId, 5);
  assert.deepEqual(decide({ ...candidate, topics: [] }, rules, { duty: [], onCall: [8] }, teams, {}), { userId: 8, team: null, how: 'on-call', priority: null, poolKey: 'on-call' });
  assert.equal(decide({ ...candidate, topics: [] }, rules, { duty: [], onCall: [] }, teams, {}).userId, null);
});
