// Publish's HTTP routes: short links (the public redirect and their stats) and evergreen
// recycling (preview, rule sets, run now).
import { createRoute, z } from '@hono/zod-openapi';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { CapabilityContext } from '../platform/capability.ts';
import type { AppEnv } from '../platform/http/context.ts';
import { jsonBody, jsonResponse, WorkspaceParam } from '../platform/http/schemas.ts';
import { createRandom } from '../graph/random.ts';
import { recyclePreview } from './recycle/preview.ts';
import { listRuleSets, runRecycling, saveRuleSet } from './recycle/run.ts';
import { NETWORKS, PostSchema, RecyclePreviewSchema, RecycleRulesSchema, ShortLinkInputSchema, ShortLinkSchema } from './schemas.ts';
import { createShortLink, followShortLink, linkStats } from './short-links.ts';
import { atomFeed } from './channels/feed.ts';
import type { PublishTables } from './tables.ts';
import { enqueueTargets } from './scheduler/jobs.ts';

function clientAddress(c: Context<AppEnv>): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'local'; // app.fetch without a socket (tests, in-process calls)
  }
}

const NOT_FOUND_PAGE = '<!doctype html><html lang="fr"><meta charset="utf-8"><title>Lien inconnu — Unknown link</title><body style="font-family:system-ui;margin:3rem"><h1>Lien inconnu</h1><p>Ce lien court n’existe pas ou a été supprimé.</p><p lang="en">This short link does not exist or was removed.</p></body></html>';

export function registerPublishRoutes(ctx: CapabilityContext): void {
  const { api } = ctx;

  api.route(
    'public',
    createRoute({
      method: 'get', path: '/s/{code}', tags: ['publish'], summary: 'Follow a short link (the click is counted)',
      request: { params: z.object({ code: z.string().min(1).max(64).openapi({ param: { name: 'code', in: 'path' } }) }) },
      responses: { 302: { description: 'Redirect to the target' }, 404: { description: 'Unknown code (an HTML page)' } },
    }),
    async (c) => {
      const target = await followShortLink(ctx.db, c.req.valid('param').code, { address: clientAddress(c), referrer: c.req.header('referer'), at: ctx.now() });
      c.header('Cache-Control', 'no-store');
      c.header('Referrer-Policy', 'no-referrer-when-downgrade');
      if (!target) return c.html(NOT_FOUND_PAGE, 404) as never;
      return c.redirect(target, 302) as never;
    },
  );

  api.route(
    'public',
    createRoute({
      method: 'get', path: '/feeds/{workspace}/{channel}', tags: ['publish'], summary: 'A feed channel\'s Atom feed (what was published to it, newest first)',
      request: { params: z.object({ workspace: z.string().min(1).max(63).openapi({ param: { name: 'workspace', in: 'path' } }), channel: z.string().regex(/^\d+\.atom$/).openapi({ param: { name: 'channel', in: 'path' }, example: '3.atom' }) }) },
      responses: { 200: { description: 'Atom 1.0', content: { 'application/atom+xml': { schema: z.string() } } }, 404: { description: 'No such feed' } },
    }),
    async (c) => {
      const { workspace, channel } = c.req.valid('param');
      const channelId = Number(channel.replace(/\.atom$/, ''));
      const pdb = ctx.db.withTables<PublishTables>();
      const found = await pdb.selectFrom('channels as ch').innerJoin('workspaces as w', 'w.id', 'ch.workspace_id').select(['ch.id', 'ch.name', 'w.name as workspace_name'])
        .where('w.slug', '=', workspace).where('ch.id', '=', channelId).where('ch.network', '=', 'feed').executeTakeFirst();
      if (!found) return c.text('No such feed.', 404) as never;
      const rows = await pdb.selectFrom('post_targets as t').innerJoin('posts as p', 'p.id', 't.post_id').select(['t.idempotency_key', 't.text as variant', 'p.text', 'p.link_url', 't.published_at'])
        .where('t.channel_id', '=', channelId).where('t.status', '=', 'published').orderBy('t.published_at', 'desc').limit(50).execute();
      const entries = rows.map((r) => ({ id: r.idempotency_key, text: r.variant ?? r.text, link: r.link_url, publishedAt: Number(r.published_at) }));
      const selfUrl = `${ctx.publicUrl.replace(/\/+$/, '')}/feeds/${encodeURIComponent(workspace)}/${channelId}.atom`;
      const xml = atomFeed({ id: `urn:relais:feed:${workspace}:${channelId}`, title: `${found.workspace_name} — ${found.name}`, selfUrl, updated: entries[0]?.publishedAt ?? 0 }, entries);
      return c.body(xml, 200, { 'content-type': 'application/atom+xml; charset=utf-8' }) as never;
    },
  );

  const LinkFilter = z.object({
    postId: z.coerce.number().int().positive().optional(),
    channelId: z.coerce.number().int().positive().optional(),
    advocateId: z.coerce.number().int().positive().optional(),
    limit: z.coerce.number().int().min(1).max(1000).optional(),
  });

  api.route(
    'member',
    createRoute({
      method: 'post', path: '/api/v1/w/{workspace}/links', tags: ['publish'], summary: 'Create a short link for a post, a channel or an advocate',
      request: { params: WorkspaceParam, body: jsonBody(ShortLinkInputSchema) },
      responses: { 201: jsonResponse(ShortLinkSchema, 'The new link') },
    }),
    async (c) => {
      const link = await createShortLink(ctx.db, c.get('workspace')!.id, c.req.valid('json'), ctx.now());
      return c.json({ ...link, path: `/s/${link.code}`, clicks: 0, visitors: 0, lastClickAt: null }, 201);
    },
  );

  api.route(
    'viewer',
    createRoute({
      method: 'get', path: '/api/v1/w/{workspace}/links', tags: ['publish'], summary: 'Short links with their clicks and unique visitors, per post, channel or advocate',
      request: { params: WorkspaceParam, query: LinkFilter },
      responses: { 200: jsonResponse(z.object({ links: z.array(ShortLinkSchema) }), 'Links, newest first') },
    }),
    async (c) => {
      const links = await linkStats(ctx.db, c.get('workspace')!.id, c.req.valid('query'));
      return c.json({ links: links.map((l) => ({ ...l, path: `/s/${l.code}` })) }, 200);
    },
  );

  api.route(
    'viewer',
    createRoute({
      method: 'post', path: '/api/v1/w/{workspace}/recycle/preview', tags: ['publish'],
      summary: 'The next recycled posts these rules would make, and the articles they leave out',
      request: {
        params: WorkspaceParam,
        body: jsonBody(z.object({
          rules: RecycleRulesSchema,
          network: z.enum(NETWORKS).default('mastodon'),
          count: z.number().int().min(1).max(100).default(10),
          seed: z.number().int().min(0).max(2 ** 31).optional().openapi({ description: 'Same seed, same plan (default: the day)' }),
        })),
      },
      responses: { 200: jsonResponse(RecyclePreviewSchema, 'The preview') },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const now = ctx.now();
      const random = createRandom(body.seed ?? Math.floor(now / 86_400_000));
      return c.json(await recyclePreview(ctx.db, c.get('workspace')!.id, { ...body, now, random: () => random.next() }), 200);
    },
  );

  const RuleSetSchema = z.object({ id: z.number().int(), name: z.string(), channelIds: z.array(z.number().int()), rules: RecycleRulesSchema, enabled: z.boolean(), cycle: z.array(z.number().int()), lastRunAt: z.number().int().nullable() }).openapi('RecycleRuleSet');

  api.route('viewer', createRoute({ method: 'get', path: '/api/v1/w/{workspace}/recycle/rules', tags: ['publish'], summary: 'Recycling rule sets', request: { params: WorkspaceParam }, responses: { 200: jsonResponse(z.object({ rules: z.array(RuleSetSchema) }), 'Rule sets') } }),
    async (c) => c.json({ rules: await listRuleSets(ctx.db, c.get('workspace')!.id) }, 200));

  api.route('manager', createRoute({
    method: 'post', path: '/api/v1/w/{workspace}/recycle/rules', tags: ['publish'], summary: 'Save a recycling rule set for some channels (it runs on its own, at its pace)',
    request: { params: WorkspaceParam, body: jsonBody(z.object({ name: z.string().min(1).max(100), channelIds: z.array(z.number().int().positive()).min(1).max(50), rules: RecycleRulesSchema, enabled: z.boolean().default(true) })) },
    responses: { 201: jsonResponse(RuleSetSchema, 'The rule set') },
  }), async (c) => c.json(await saveRuleSet(ctx.db, c.get('workspace')!.id, c.req.valid('json'), ctx.now()), 201));

  api.route('manager', createRoute({
    method: 'post', path: '/api/v1/w/{workspace}/recycle/rules/{id}/run', tags: ['publish'], summary: 'Run a rule set now: its next shares become scheduled posts',
    request: { params: WorkspaceParam.extend({ id: z.coerce.number().int().positive().openapi({ param: { name: 'id', in: 'path' } }) }) },
    responses: { 200: jsonResponse(z.object({ ran: z.boolean(), reason: z.string(), posts: z.array(PostSchema) }), 'What the run scheduled') },
  }), async (c) => {
    const random = createRandom(ctx.now());
    const result = await runRecycling(ctx.db, c.get('workspace')!.id, c.req.valid('param').id, { now: ctx.now(), random: () => random.next(), publicUrl: ctx.publicUrl, force: true });
    for (const post of result.posts) await enqueueTargets(ctx, post.targets, post.dueAt);
    return c.json(result, 200);
  });
}
