// Assignment (pure): the first rule whose conditions all hold names a person or a team; a team
// (or no rule) means round-robin among the people on duty — the one after the last chosen in id
// order, as Zendesk's and Chatwoot's round-robin do — and, when nobody is on duty, whoever is on call.

export interface RuleConditions { topicId?: number; network?: string; lang?: string; keywords?: string[]; sentiment?: 'positive' | 'neutral' | 'negative' }
export interface Rule { id: number; conditions: RuleConditions; userId: number | null; team: string | null; priority: string | null }
export interface Candidate { network: string; lang: string | null; sentiment: string | null; topics: readonly number[]; text: string }

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

export function ruleMatches(c: RuleConditions, x: Candidate): boolean {
  if (c.topicId !== undefined && !x.topics.includes(c.topicId)) return false;
  if (c.network !== undefined && c.network !== x.network) return false;
  if (c.lang !== undefined && c.lang !== x.lang) return false;
  if (c.sentiment !== undefined && c.sentiment !== x.sentiment) return false;
  if (c.keywords?.length) {
    const text = fold(x.text);
    if (!c.keywords.some((k) => text.includes(fold(k)))) return false;
  }
  return true;
}

export interface Decision { userId: number | null; team: string | null; how: string; priority: string | null; poolKey: string | null }

/** Who gets the conversation. `lastChosen` is the round-robin state per pool. */
export function decide(x: Candidate, rules: readonly Rule[], on: { duty: number[]; onCall: number[] }, teams: ReadonlyMap<string, readonly number[]>, lastChosen: Readonly<Record<string, number>>): Decision {
  const rule = rules.find((r) => ruleMatches(r.conditions, x));
  if (rule?.userId) return { userId: rule.userId, team: null, how: `rule:${rule.id}`, priority: rule.priority, poolKey: null };
  const team = rule?.team ?? null;
  const members = team ? new Set(teams.get(team) ?? []) : null;
  const pick = (pool: number[], key: string) => {
    const sorted = [...pool].sort((a, b) => a - b);
    const last = lastChosen[key];
    return sorted.find((u) => last === undefined || u > last) ?? sorted[0]!;
  };
  const duty = members ? on.duty.filter((u) => members.has(u)) : on.duty;
  const priority = rule?.priority ?? null;
  if (duty.length > 0) {
    const key = team ? `team:${team}` : 'duty';
    return { userId: pick(duty, key), team, how: rule ? `rule:${rule.id} round-robin` : 'round-robin', priority, poolKey: key };
  }
  if (on.onCall.length > 0) return { userId: pick(on.onCall, 'on-call'), team, how: 'on-call', priority, poolKey: 'on-call' };
  return { userId: null, team, how: 'nobody on duty', priority, poolKey: null };
}
