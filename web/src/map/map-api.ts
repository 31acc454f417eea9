// Map's calls to the API, in one place, through the typed client.
import { api, unwrap, type WorkspaceRole } from '../api/client.ts';
import type { AccountDetail, Communities, ImportInput, ImportResult, Influencers, InfluencerQuery, Network, NetworkQuery } from './types.ts';

const base = (workspace: string) => `/api/v1/w/${encodeURIComponent(workspace)}/map`;

export function fetchNetwork(workspace: string, query: NetworkQuery): Promise<Network> {
  return unwrap(api.GET('/api/v1/w/{workspace}/map/network', { params: { path: { workspace }, query } }));
}

export function fetchInfluencers(workspace: string, query: InfluencerQuery): Promise<Influencers> {
  // The route answers JSON or CSV; format=json asks for JSON.
  return unwrap(api.GET('/api/v1/w/{workspace}/map/influencers', { params: { path: { workspace }, query: { ...query, format: 'json' } } })) as Promise<Influencers>;
}

/** The CSV of the same rows (every page, up to the API's 10,000), which the browser downloads. */
export function influencersCsvUrl(workspace: string, query: Omit<InfluencerQuery, 'limit' | 'offset' | 'format'>): string {
  const search = new URLSearchParams({ format: 'csv', limit: '10000' });
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') search.set(key, String(value));
  return `${base(workspace)}/influencers?${search}`;
}

/** `lang`: the language of the score's explanation (the interface's). */
export function fetchAccount(workspace: string, id: number, lang: 'en' | 'fr'): Promise<AccountDetail> {
  return unwrap(api.GET('/api/v1/w/{workspace}/map/accounts/{id}', { params: { path: { workspace, id }, query: { lang } } }));
}

export function fetchCommunities(workspace: string): Promise<Communities> {
  return unwrap(api.GET('/api/v1/w/{workspace}/map/communities', { params: { path: { workspace } } }));
}

/** `lang`: the language of the reasons (why). */
export function fetchHelp(workspace: string, query: { q: string; from?: number; limit?: number; lang: 'en' | 'fr' }) {
  return unwrap(api.GET('/api/v1/w/{workspace}/map/help', { params: { path: { workspace }, query } }));
}

/** "Who can help me": the asker and the candidates, each with its introduction path and why. */
export type Help = Awaited<ReturnType<typeof fetchHelp>>;
export type HelpCandidate = Help['candidates'][number];

export function exportUrl(workspace: string, format: 'gexf' | 'graphml'): string {
  return `${base(workspace)}/export?format=${format}`;
}

/** Every member edits skills (the API's role for it); managers and strategists import. */
export function canEditSkills(role: WorkspaceRole): boolean {
  return role !== 'viewer';
}

export function canImport(role: WorkspaceRole): boolean {
  return role === 'manager' || role === 'strategist';
}

export async function saveSkills(workspace: string, id: number, skills: string[]): Promise<string[]> {
  const answer = await unwrap(api.PUT('/api/v1/w/{workspace}/map/accounts/{id}/skills', { params: { path: { workspace, id } }, body: { skills } }));
  return answer.skills;
}

/** Sends a graph file's text; the server says what it loaded and what it refused, line by line. */
export function importGraph(workspace: string, input: ImportInput): Promise<ImportResult> {
  return unwrap(api.POST('/api/v1/w/{workspace}/map/import', { params: { path: { workspace } }, body: input }));
}
