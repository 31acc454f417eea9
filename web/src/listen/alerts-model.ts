// Alerts as the web app shows them: the API's shapes, and an alert's reason in the
// interface's language, rebuilt from its figures (the API's own explanation is in English).
import type { components } from '../api/schema.d.ts';
import type { I18n } from '../i18n/i18n.tsx';

export type Alert = components['schemas']['Alert'];
export type AlertRule = components['schemas']['AlertRule'];
export type AlertRuleInput = components['schemas']['AlertRuleInput'];
export type AlertFiring = components['schemas']['AlertFiring'];
export type AlertEvent = components['schemas']['AlertEvent'];
export type AlertDelivery = components['schemas']['AlertDelivery'];
export type RuleKind = AlertRule['kind'];
export type AlertStatus = Alert['status'];

export const RULE_KINDS = ['spike', 'negative_surge', 'influencer_negative', 'keyword'] as const satisfies readonly RuleKind[];
export const ALERT_STATUSES = ['open', 'acknowledged', 'resolved'] as const satisfies readonly AlertStatus[];

/** Each kind's thresholds, in the order the editor shows them. */
export const KIND_PARAMS = {
  spike: ['minFactor', 'minCount', 'minZ'],
  negative_surge: ['windowHours', 'minNegative', 'minShare', 'minRatio', 'baselineDays'],
  influencer_negative: ['minFollowers', 'lookbackDays'],
  keyword: ['query', 'minCount', 'windowHours'],
} as const satisfies Record<RuleKind, readonly (keyof AlertRule['params'])[]>;
export type ParamName = (typeof KIND_PARAMS)[RuleKind][number];

/** Defaults as the server has them (GET …/alert-rules/defaults gives the same). */
export const KIND_DEFAULTS: Record<RuleKind, { params: Record<string, number | string>; cooldownMinutes: number }> = {
  spike: { params: { minFactor: 5, minCount: 20, minZ: 3.5 }, cooldownMinutes: 720 },
  negative_surge: { params: { windowHours: 6, minNegative: 20, minShare: 0.3, minRatio: 2, baselineDays: 7 }, cooldownMinutes: 720 },
  influencer_negative: { params: { minFollowers: 50_000, lookbackDays: 30 }, cooldownMinutes: 1440 },
  keyword: { params: { query: 'boycott OR boycotter OR arnaque OR scam', minCount: 3, windowHours: 1 }, cooldownMinutes: 720 },
};

type Figures = Alert['figures'];

function num(figures: Figures, key: string): number {
  const value = figures[key];
  return typeof value === 'number' ? value : Number(value ?? 0);
}

/** Why the alert fired (or would fire), in words, from its figures. */
export function explainFiring(kind: RuleKind, figures: Figures, i18n: Pick<I18n, 't' | 'formatNumber'>): string {
  const { t, formatNumber } = i18n;
  const percent = (x: number) => `${formatNumber(Math.round(x * 100))} %`;
  switch (kind) {
    case 'spike':
      return t('alerts.explain.spike', { count: formatNumber(num(figures, 'count')), factor: formatNumber(num(figures, 'factor')), baseline: formatNumber(num(figures, 'baseline')), z: formatNumber(num(figures, 'z')) });
    case 'negative_surge':
      return t('alerts.explain.negative_surge', {
        share: percent(num(figures, 'share')),
        labelled: formatNumber(num(figures, 'labelled')),
        negative: formatNumber(num(figures, 'negative')),
        ratio: formatNumber(num(figures, 'ratio')),
        baselineShare: percent(num(figures, 'baselineShare')),
      });
    case 'influencer_negative': {
      const prior = num(figures, 'priorMentions');
      return [
        t('alerts.explain.influencer_negative', { handle: String(figures.handle ?? ''), followers: formatNumber(num(figures, 'followers')) }),
        prior === 0 ? t('alerts.explain.influencerNew') : t('alerts.explain.influencerPrior', { negative: formatNumber(num(figures, 'priorNegative')), count: formatNumber(prior) }),
      ].join(' ');
    }
    case 'keyword':
      return t('alerts.explain.keyword', { matches: formatNumber(num(figures, 'matches')), query: String(figures.query ?? '') });
  }
}
