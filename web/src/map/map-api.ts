// Map's calls to the API, in one place: the pages never build a URL themselves.
import { api, unwrap, type WorkspaceRole } from '../api/client.ts';
import type { AccountDetail, Communities, HelpCandidate, Influencers, InfluencerQuery, Network, NetworkQuery } from './types.ts';

const base = (workspace: string) => `/api/v1/w/${encodeURIComponent(workspace)}/map`;

function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

// Until the routes are in schema.d.ts, calls go through the client untyped (its middleware adds
// the language and the CSRF token), with URLs built here.
type Untyped = (url: string, init?: { body?: unknown; headers?: Record<string, string>; bodySerializer?(body: unknown): BodyInit }) => Promise<{ data?: unknown; error?: unknown; response: Response }>;
const client = api as unknown as { GET: Untyped; PUT: Untyped; POST: Untyped };

function send<T>(method: 'GET' | 'PUT' | 'POST', url: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  const init = body === undefined ? { headers } : body instanceof Blob ? { body, headers, bodySerializer: (b: unknown) => b as Blob } : { body, headers };
  return unwrap(client[method](url, init)) as Promise<T>;
}

const getJson = <T,>(url: string) => send<T>('GET', url);

export function fetchNetwork(workspace: string, params: NetworkQuery): Promise<Network> {
  return getJson(`${base(workspace)}/network${query({ ...params })}`);
}

export function fetchInfluencers(workspace: string, params: InfluencerQuery): Promise<Influencers> {
  return getJson(`${base(workspace)}/influencers${query({ ...params, format: 'json' })}`);
}

/** The CSV of the same rows (every page), which the browser downloads. */
export function influencersCsvUrl(workspace: string, params: Omit<InfluencerQuery, 'limit' | 'offset'>): string {
  return `${base(workspace)}/influencers${query({ ...params, format: 'csv' })}`;
}

export function fetchAccount(workspace: string, id: number): Promise<AccountDetail> {
  return getJson(`${base(workspace)}/accounts/${id}`);
}

export function fetchCommunities(workspace: string): Promise<Communities> {
  return getJson(`${base(workspace)}/communities`);
}

export function fetchHelp(workspace: string, params: { q: string; from?: number; limit?: number }): Promise<{ candidates: HelpCandidate[] }> {
  return getJson(`${base(workspace)}/help${query(params)}`);
}

export function exportUrl(workspace: string, format: 'gexf' | 'graphml'): string {
  return `${base(workspace)}/export${query({ format })}`;
}

/** Community managers and strategists edit skills and import graphs. */
export function canEditMap(role: WorkspaceRole): boolean {
  return role === 'manager' || role === 'strategist';
}

export async function saveSkills(workspace: string, id: number, skills: string[]): Promise<string[]> {
  const answer = await send<{ skills: string[] }>('PUT', `${base(workspace)}/accounts/${id}/skills`, { skills });
  return answer.skills;
}

export interface ImportReport {
  format: string;
  nodes: number;
  edges: number;
  problems: Array<{ line: number | null; message: string }>;
}

/** Uploads a graph file; the server says what it loaded and what it refused, line by line. */
export function importGraph(workspace: string, file: File, format: string): Promise<ImportReport> {
  return send<ImportReport>('POST', `${base(workspace)}/import${query({ format })}`, file, { 'content-type': file.type || 'application/octet-stream' });
}
