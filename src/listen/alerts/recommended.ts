// The rules a strategist starts with for a topic (or the whole workspace): a volume spike, a
// negative surge, an influential author turning negative, and the words of a boycott. Each
// takes its kind's default thresholds (model.ts RULE_DEFAULTS); quiet hours are off.
import { RULE_DEFAULTS, type RuleKind } from './model.ts';
import type { RuleInput } from './store.ts';

const NAMES: Record<RuleKind, string> = {
  spike: 'Volume spike',
  negative_surge: 'Negative surge',
  influencer_negative: 'Influential author turning negative',
  keyword: 'Boycott words',
};

export function recommendedRules(topicId: number | null): RuleInput[] {
  return (Object.keys(RULE_DEFAULTS) as RuleKind[]).map((kind) => ({
    name: NAMES[kind],
    kind,
    topicId,
    params: RULE_DEFAULTS[kind].params,
    cooldownMinutes: RULE_DEFAULTS[kind].cooldownMinutes,
    quietHours: null,
    enabled: true,
    webhookUrl: null,
    webhookAllowPrivate: false,
  }));
}
