// Local servers that speak the networks' documented APIs, for Publish's tests: Mastodon's REST
// statuses/media/accounts endpoints, a Bluesky PDS's XRPC (session, records, blobs, handles) and
// a webhook receiver. Each can be told to fail the next requests the way real servers do (401,
// 429 with headers, 5xx after creating, no answer at all).
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Fault = { status: number; body?: unknown; headers?: Record<string, string>; afterCreate?: boolean } | { hang: true; afterCreate?: boolean };

export interface FakeServer {
  url: string;
  close(): Promise<void>;
  /** Failures to answer the next creating requests with, in order. */
  faults: Fault[];
  requests: Array<{ method: string; path: string; headers: http.IncomingHttpHeaders; body: Buffer }>;
}

async function listen(handler: (req: http.IncomingMessage, body: Buffer, res: http.ServerResponse) => void | Promise<void>): Promise<{ server: http.Server; url: string }> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => void Promise.resolve(handler(req, Buffer.concat(chunks), res)).catch((error: unknown) => { res.statusCode = 500; res.end(String(error)); }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

const json = (res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};

const closeServer = (server: http.Server) => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); });

/** Applies the next fault, if any, around a creating request. Returns true when the request was answered. */
function applyFault(faults: Fault[], res: http.ServerResponse, create: () => void): boolean {
  const fault = faults.shift();
  if (!fault) return false;
  if (fault.afterCreate) create();
  if ('hang' in fault) return true; // never answers: the client times out
  json(res, fault.status, fault.body ?? { error: `fault ${fault.status}` }, fault.headers);
  return true;
}

export interface FakeMastodon extends FakeServer {
  statuses: Array<{ id: string; text: string; media_ids: string[]; visibility: string; spoiler_text: string; key: string | null }>;
  media: Array<{ id: string; bytes: number; description: string | null }>;
  token: string;
}

export async function fakeMastodon(token = 'mastodon-token'): Promise<FakeMastodon> {
  const state: Omit<FakeMastodon, 'url' | 'close'> = { faults: [], requests: [], statuses: [], media: [], token };
  let next = 1000;
  const byKey = new Map<string, string>();
  const { server, url } = await listen((req, body, res) => {
    const path = new URL(req.url!, 'http://x').pathname;
    state.requests.push({ method: req.method!, path, headers: req.headers, body });
    if (req.headers.authorization !== `Bearer ${state.token}`) return json(res, 401, { error: 'The access token is invalid' });
    const host = new URL(url).host;
    const entity = (s: FakeMastodon['statuses'][number]) => ({
      id: s.id, uri: `${url}/users/cimes/statuses/${s.id}`, url: `${url}/@cimes/${s.id}`, content: `<p>${s.text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/\n/g, '<br />')}</p>`,
      visibility: s.visibility, spoiler_text: s.spoiler_text, favourites_count: 3, reblogs_count: 2, replies_count: 1, account: { acct: 'cimes', url: `${url}/@cimes` }, _host: host,
    });
    if (req.method === 'GET' && path === '/api/v1/accounts/verify_credentials') return json(res, 200, { id: '42', acct: 'cimes', username: 'cimes' });
    if (req.method === 'POST' && path === '/api/v2/media') {
      const text = body.toString('latin1');
      const description = /name="description"\r\n\r\n([^\r]*)/.exec(text)?.[1] ?? null;
      const id = String(next++);
      state.media.push({ id, bytes: body.length, description });
      return json(res, 200, { id, type: 'image', description });
    }
    if (req.method === 'POST' && path === '/api/v1/statuses') {
      const input = JSON.parse(body.toString('utf8')) as { status: string; media_ids?: string[]; visibility?: string; spoiler_text?: string };
      const key = (req.headers['idempotency-key'] as string | undefined) ?? null;
      const create = () => {
        if (key && byKey.has(key)) return byKey.get(key)!;
        if (input.status.length > 500) return null;
        const id = String(next++);
        state.statuses.push({ id, text: input.status, media_ids: input.media_ids ?? [], visibility: input.visibility ?? 'public', spoiler_text: input.spoiler_text ?? '', key });
        if (key) byKey.set(key, id);
        return id;
      };
      if (applyFault(state.faults, res, () => void create())) return;
      const id = create();
      if (id === null) return json(res, 422, { error: 'Validation failed: Text character limit of 500 exceeded' });
      return json(res, 200, entity(state.statuses.find((s) => s.id === id)!));
    }
    const accountStatuses = /^\/api\/v1\/accounts\/42\/statuses$/.exec(path);
    if (req.method === 'GET' && accountStatuses) return json(res, 200, [...state.statuses].reverse().slice(0, 40).map(entity));
    const one = /^\/api\/v1\/statuses\/(\d+)$/.exec(path);
    if (one) {
      const index = state.statuses.findIndex((s) => s.id === one[1]);
      if (index < 0) return json(res, 404, { error: 'Record not found' });
      if (req.method === 'DELETE') { const [gone] = state.statuses.splice(index, 1); return json(res, 200, entity(gone!)); }
      return json(res, 200, entity(state.statuses[index]!));
    }
    return json(res, 404, { error: 'Not found' });
  });
  return Object.assign(state, { url, close: () => closeServer(server) });
}

export interface FakePds extends FakeServer {
  records: Map<string, { uri: string; cid: string; value: Record<string, unknown> }>;
  blobs: number;
  password: string;
  /** Access tokens issued before this many calls expire (to test refresh). */
  expireAccess(): void;
}

export async function fakePds(handle = 'cimes.test', password = 'app-pass-word-1234'): Promise<FakePds> {
  const did = 'did:plc:cimes0000000000000000000';
  let access = 'access-1', refresh = 'refresh-1', generation = 1;
  const state = { faults: [] as Fault[], requests: [] as FakeServer['requests'], records: new Map<string, { uri: string; cid: string; value: Record<string, unknown> }>(), blobs: 0, password };
  const session = () => ({ did, handle, accessJwt: access, refreshJwt: refresh });
  const { server, url } = await listen((req, body, res) => {
    const parsed = new URL(req.url!, 'http://x');
    const nsid = parsed.pathname.replace(/^\/xrpc\//, '');
    state.requests.push({ method: req.method!, path: parsed.pathname, headers: req.headers, body });
    const error = (status: number, name: string, message: string) => json(res, status, { error: name, message });
    if (nsid === 'com.atproto.server.createSession') {
      const input = JSON.parse(body.toString()) as { identifier: string; password: string };
      if (input.identifier !== handle || input.password !== state.password) return error(401, 'AuthenticationRequired', 'Invalid identifier or password');
      generation++; access = `access-${generation}`; refresh = `refresh-${generation}`;
      return json(res, 200, session());
    }
    if (nsid === 'com.atproto.server.refreshSession') {
      if (req.headers.authorization !== `Bearer ${refresh}`) return error(400, 'ExpiredToken', 'Token has expired');
      generation++; access = `access-${generation}`; refresh = `refresh-${generation}`;
      return json(res, 200, session());
    }
    if (req.headers.authorization !== `Bearer ${access}`) return error(400, 'ExpiredToken', 'Token has expired');
    if (nsid === 'com.atproto.identity.resolveHandle') {
      const wanted = parsed.searchParams.get('handle');
      return wanted === 'alice.test' ? json(res, 200, { did: 'did:plc:alice' }) : error(400, 'InvalidRequest', 'Unable to resolve handle');
    }
    if (nsid === 'com.atproto.repo.uploadBlob') {
      state.blobs++;
      const cid = `bafk${createHash('sha256').update(body).digest('hex').slice(0, 20)}`;
      return json(res, 200, { blob: { $type: 'blob', ref: { $link: cid }, mimeType: req.headers['content-type'], size: body.length } });
    }
    if (nsid === 'com.atproto.repo.createRecord') {
      const input = JSON.parse(body.toString()) as { repo: string; collection: string; rkey: string; record: Record<string, unknown> };
      if (!/^[234567a-z]{13}$/.test(input.rkey)) return error(400, 'InvalidRequest', 'Invalid record key: not a TID');
      const uri = `at://${input.repo}/${input.collection}/${input.rkey}`;
      const create = () => { if (!state.records.has(uri)) state.records.set(uri, { uri, cid: `bafy${input.rkey}`, value: input.record }); };
      if (applyFault(state.faults, res, create)) return;
      if (state.records.has(uri)) return error(400, 'InvalidRequest', `Record already exists: ${uri}`);
      if ([...new Intl.Segmenter().segment(String(input.record.text))].length > 300) return error(400, 'InvalidRequest', 'Invalid app.bsky.feed.post record: Record/text must not be longer than 300 graphemes');
      create();
      return json(res, 200, { uri, cid: `bafy${input.rkey}` });
    }
    if (nsid === 'com.atproto.repo.getRecord') {
      const uri = `at://${parsed.searchParams.get('repo')}/${parsed.searchParams.get('collection')}/${parsed.searchParams.get('rkey')}`;
      const record = state.records.get(uri);
      return record ? json(res, 200, record) : error(400, 'RecordNotFound', `Could not locate record: ${uri}`);
    }
    if (nsid === 'com.atproto.repo.deleteRecord') {
      const input = JSON.parse(body.toString()) as { repo: string; collection: string; rkey: string };
      state.records.delete(`at://${input.repo}/${input.collection}/${input.rkey}`);
      return json(res, 200, {});
    }
    if (nsid === 'app.bsky.feed.getPosts') {
      const uri = parsed.searchParams.get('uris')!;
      return json(res, 200, { posts: state.records.has(uri) ? [{ uri, likeCount: 7, repostCount: 2, replyCount: 1 }] : [] });
    }
    return error(404, 'MethodNotImplemented', nsid);
  });
  return Object.assign(state, { url, close: () => closeServer(server), expireAccess: () => { access = `expired-${generation}`; } });
}

export interface FakeWebhook extends FakeServer {
  received: Array<{ event: string; idempotencyKey?: string; text?: string; verified: boolean }>;
}

/** A receiver that verifies the signature and deduplicates by idempotency key, as the webhook contract asks. */
export async function fakeWebhook(secret: string): Promise<FakeWebhook> {
  const state = { faults: [] as Fault[], requests: [] as FakeServer['requests'], received: [] as FakeWebhook['received'] };
  const seen = new Set<string>();
  const { server, url } = await listen((req, body, res) => {
    state.requests.push({ method: req.method!, path: req.url!, headers: req.headers, body });
    const expected = `sha256=${createHmac('sha256', secret).update(`${String(req.headers['x-relais-timestamp'])}.${body.toString()}`).digest('hex')}`;
    const given = String(req.headers['x-relais-signature'] ?? '');
    const verified = given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
    if (!verified) return json(res, 401, { error: 'bad signature' });
    const payload = JSON.parse(body.toString()) as { event: string; idempotencyKey?: string; text?: string };
    const create = () => { if (!payload.idempotencyKey || !seen.has(payload.idempotencyKey)) { if (payload.idempotencyKey) seen.add(payload.idempotencyKey); state.received.push({ ...payload, verified }); } };
    if (payload.event === 'post.publish' && applyFault(state.faults, res, create)) return;
    create();
    return json(res, 200, { id: `wh-${payload.idempotencyKey ?? 'ping'}` });
  });
  return Object.assign(state, { url, close: () => closeServer(server) });
}
