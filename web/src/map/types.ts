// The shapes Map's pages read from the API (/api/v1/w/{workspace}/map/…), derived from the
// OpenAPI document's types (schema.d.ts), so a change of the server's shapes fails the type check.
import type { components, paths } from '../api/schema.d.ts';

type Schemas = components['schemas'];
type Query<P extends keyof paths> = paths[P] extends { get: { parameters: { query?: infer Q } } } ? NonNullable<Q> : never;

/** The explorer asks for at most this many accounts and ties; the server keeps the most influential and the strongest. */
export const NETWORK_LIMIT = 20_000;
export const NETWORK_EDGE_LIMIT = 100_000;
/** The community id of an account in none. */
export const NO_COMMUNITY = -1;

export type Strength = 'all' | 'strong' | 'weak';

export type Network = Schemas['MapNetwork'];
export type NetworkNode = Network['nodes'][number];
export type NetworkEdge = Network['edges'][number];
export type CommunitySummary = Network['communities'][number];
export type NetworkQuery = Query<'/api/v1/w/{workspace}/map/network'>;

export const INFLUENCER_SORTS = ['influence', 'reach', 'resonance', 'trust', 'followers', 'fanQuality'] as const satisfies ReadonlyArray<NonNullable<InfluencerQuery['sort']>>;
export type InfluencerSort = (typeof INFLUENCER_SORTS)[number];
export type InfluencerQuery = Query<'/api/v1/w/{workspace}/map/influencers'>;
export type Influencers = Schemas['MapInfluencers'];
export type InfluencerRow = Schemas['MapInfluencer'];
export type FanQuality = Schemas['MapFanQuality'];

export type AccountRef = Schemas['MapAccountRef'];
export type AccountDetail = Schemas['MapAccountCard'];
export type Tie = AccountDetail['ties'][number];

export type Communities = Schemas['MapCommunities'];
export type Community = Communities['communities'][number];


export type ImportInput = Schemas['MapImportInput'];
export type ImportFormat = ImportInput['format'];
export type ImportResult = Schemas['MapImportResult'];
