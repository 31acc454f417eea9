// The shapes Map's pages read from the API (/api/v1/w/{workspace}/map/…). Written from the
// agreed contract until the routes land; then derived from schema.d.ts like Listen's.

export const NETWORK_LIMIT = 20_000;

export type Strength = 'all' | 'strong' | 'weak';

export interface NetworkNode {
  id: number;
  handle: string;
  displayName: string | null;
  network: string;
  community: number | null;
  influence: number;
  followers: number;
  affiliation: string | null;
}

export interface NetworkEdge {
  source: number;
  target: number;
  strength: number;
  strong: boolean;
  kinds: string[];
}

export interface CommunitySummary {
  id: number;
  size: number;
  label: string;
}

export interface Network {
  nodes: NetworkNode[];
  edges: NetworkEdge[];
  communities: CommunitySummary[];
  sampled: boolean;
  totalNodes: number;
  totalEdges: number;
}

export interface NetworkQuery {
  focus?: number;
  depth?: 1 | 2;
  strength?: Strength;
  community?: number;
  limit?: number;
}

export const INFLUENCER_SORTS = ['influence', 'reach', 'resonance', 'trust', 'followers', 'fanQuality'] as const;
export type InfluencerSort = (typeof INFLUENCER_SORTS)[number];

export interface FanQuality {
  inactive: number;
  suspicious: number;
  unreachable: number;
  score: number;
}

export interface InfluenceParts {
  reach: number;
  resonance: number;
  trust: number;
}

export interface InfluencerRow {
  id: number;
  handle: string;
  displayName: string | null;
  network: string;
  followers: number;
  influence: number;
  parts: InfluenceParts;
  fanQuality: FanQuality;
  community: number | null;
  strongTies: number;
  weakTies: number;
}

export interface Influencers {
  total: number;
  rows: InfluencerRow[];
}

export interface InfluencerQuery {
  sort: InfluencerSort;
  order: 'asc' | 'desc';
  community?: number;
  affiliation?: string;
  q?: string;
  limit: number;
  offset: number;
}

export interface AccountRef {
  id: number;
  handle: string;
  displayName: string | null;
  network: string;
}

export interface Tie {
  account: AccountRef & { community: number | null };
  strength: number;
  strong: boolean;
  kinds: string[];
  golden: boolean;
}

export interface AccountDetail {
  account: AccountRef & { followers: number; bio: string | null; affiliation: string | null };
  influence: { score: number; parts: InfluenceParts; explanation: string[] };
  fanQuality: FanQuality;
  community: CommunitySummary | null;
  ties: Tie[];
  brokerage: { constraint: number | null; betweenness: number | null };
  weakTieShare: number | null;
  skills: string[];
}

export interface Community {
  id: number;
  size: number;
  label: string;
  topAccounts: AccountRef[];
  brokers: AccountRef[];
  weakTieShare: number;
}

export interface Communities {
  modularity: number;
  communities: Community[];
}

export interface HelpCandidate {
  account: AccountRef;
  skillMatch: number;
  pathTrust: number;
  score: number;
  path: Array<{ account: AccountRef; strength: number }>;
  why: string[];
}
