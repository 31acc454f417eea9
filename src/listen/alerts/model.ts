// What an alert rule is: a kind, its thresholds, a cooldown, quiet hours. Pure data and
// defaults; the zod schemas that check user input live in schemas.ts.

export const RULE_KINDS = ['spike', 'negative_surge', 'influencer_negative', 'keyword'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

export const HOUR_MS = 3_600_000;

/** A volume spike: the hour's count far above the usual count of that hour (spike-detector.ts). */
export interface SpikeParams {
  /** The hour's count over its baseline must reach this. */
  minFactor: number;
  /** …with at least this many mentions in the hour. */
  minCount: number;
  /** …and a robust z-score at least this (the noise of a usual hour). */
  minZ: number;
}

/** A negative-sentiment surge: the negative share of a window against its own baseline. */
export interface NegativeSurgeParams {
  windowHours: number;
  /** At least this many negative mentions in the window. */
  minNegative: number;
  /** The window's negative share must reach this (0–1)… */
  minShare: number;
  /** …and this many times the share of the `baselineDays` before the window. */
  minRatio: number;
  baselineDays: number;
}

/** An influential author posting negatively (influence.ts says who counts as influential). */
export interface InfluencerNegativeParams {
  /** Followers for now; Map's influence score will take its place. */
  minFollowers: number;
  /** "Turning": the author's mentions over these days before were mostly not negative. */
  lookbackDays: number;
}

/** Mentions matching a query of the topic language (e.g. `boycott OR arnaque`). */
export interface KeywordParams {
  query: string;
  minCount: number;
  windowHours: number;
}

export interface RuleParamsByKind {
  spike: SpikeParams;
  negative_surge: NegativeSurgeParams;
  influencer_negative: InfluencerNegativeParams;
  keyword: KeywordParams;
}

/** Thresholds a new rule of each kind starts with, and its cooldown in minutes. */
export const RULE_DEFAULTS: { [K in RuleKind]: { params: RuleParamsByKind[K]; cooldownMinutes: number } } = {
  spike: { params: { minFactor: 5, minCount: 20, minZ: 3.5 }, cooldownMinutes: 12 * 60 },
  negative_surge: { params: { windowHours: 6, minNegative: 20, minShare: 0.3, minRatio: 2, baselineDays: 7 }, cooldownMinutes: 12 * 60 },
  influencer_negative: { params: { minFollowers: 50_000, lookbackDays: 30 }, cooldownMinutes: 24 * 60 },
  keyword: { params: { query: 'boycott OR boycotter OR arnaque OR scam', minCount: 3, windowHours: 1 }, cooldownMinutes: 12 * 60 },
};

/** Hours (0–23, in `timeZone`) during which webhooks wait; the alert is recorded and shown at once. */
export interface QuietHours {
  from: number;
  to: number;
  timeZone: string;
}

export interface Rule<K extends RuleKind = RuleKind> {
  id: number;
  workspaceId: number;
  name: string;
  kind: K;
  topicId: number | null;
  params: RuleParamsByKind[K];
  cooldownMinutes: number;
  quietHours: QuietHours | null;
  enabled: boolean;
  webhookUrl: string | null;
  /** The webhook may target a loopback or private address (an admin's choice: SSRF). */
  webhookAllowPrivate: boolean;
  webhookSecret: string;
  createdAt: number;
  updatedAt: number;
}

/** One time a rule's condition holds: the window, the figures and the reason in words. */
export interface Firing {
  /** '' for the rule's whole scope; 'author:<id>' when it is about one author. */
  subject: string;
  windowStart: number;
  windowEnd: number;
  severity: 'warning' | 'critical';
  figures: Record<string, number | string | null>;
  explanation: string;
  mentionIds: number[];
}

export const ALERT_STATUSES = ['open', 'acknowledged', 'resolved'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

export function hourStart(at: number): number {
  return Math.floor(at / HOUR_MS) * HOUR_MS;
}
