// Publish's commands: `relais post schedule|list|cancel`, `relais channel add|list|test` and
// `relais recycle preview`.
import fs from 'node:fs';
import { createRandom } from '../graph/random.ts';
import { findWorkspace } from '../platform/auth/store.ts';
import { choiceFlag, intFlag, requiredFlag, type Command } from '../platform/command.ts';
import { RelaisError } from '../platform/errors.ts';
import { addChannel, listChannels, setChannelStatus } from './channels/store.ts';
import { recyclePreview } from './recycle/preview.ts';
import { listRuleSets, runRecycling, saveRuleSet } from './recycle/run.ts';
import { loadConfig } from '../platform/config.ts';
import { cancelPost, listPosts, schedulePost } from './scheduler/posts.ts';
import { verifyChannel } from './scheduler-routes.ts';
import type { PublishTables } from './tables.ts';
import { NETWORKS, RecycleRulesSchema } from './schemas.ts';

const RECYCLE_HELP = `Usage:
  relais recycle preview --workspace SLUG [--rules FILE.json] [--network mastodon|bluesky|x|webhook|feed]
                         [--count N] [--seed N] [--json]
  relais recycle add NAME --channel NAME [--channel NAME…] [--rules FILE.json] --workspace SLUG
  relais recycle run NAME --workspace SLUG [--public-url URL]

add       saves a rule set for channels; a running \`relais serve\` runs it every quarter of an
          hour when its interval (stretched to the brand's pace) has passed.
run       runs it now: its next shares become scheduled posts, each with its own short link
          (<public-url>/s/<code>; default RELAIS_PUBLIC_URL).

preview   shows the next N (default 10) posts evergreen recycling would make from the
          workspace's articles, with their text as the network counts it, and the articles
          left out with why (too recent, too old, event passed, excluded category…).

Rules (a JSON file; every field optional, defaults shown):
  minAgeDays 30, maxAgeDays 90 (null: no limit), includeCategories [], excludeCategories [],
  includeTags [], excludeTags [], excludedArticles [ids],
  hashtags { from: categories|tags|custom|none, custom {word: "#Tag"}, max 3, maxLength 20 },
  prefix "", suffix "", variants ["{title} {hashtags} {link}", …], variantOrder in-order|random,
  includeLink true, shortLink true, utm null|{campaign, medium}, postsPerRun 1,
  intervalHours 24, spreadMinutes 30, whenExhausted repeat|stop, order oldest|random,
  repeatAfterDays 30, pace auto|rules (auto: at most what the brand's own posting rate allows).
Common options: --database URL, --json, -h/--help.`;

function readRules(file: string | undefined) {
  if (!file) return RecycleRulesSchema.parse({});
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new RelaisError('RELAIS_CLI_USAGE', `Cannot read the rules in ${file}: ${(error as Error).message}`, { field: '--rules' });
  }
  const parsed = RecycleRulesSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new RelaisError('RELAIS_CLI_USAGE', `${file}: ${issue.path.join('.') || 'rules'}: ${issue.message}`, { field: issue.path.join('.') || '--rules' });
  }
  return parsed.data;
}

export const recycleCommand: Command = {
  name: 'recycle',
  summary: 'Evergreen recycling of the brand\'s articles: preview, save rules, run',
  help: RECYCLE_HELP,
  positionals: true,
  options: { workspace: { type: 'string' }, rules: { type: 'string' }, network: { type: 'string' }, count: { type: 'string' }, seed: { type: 'string' }, channel: { type: 'string', multiple: true }, 'public-url': { type: 'string' } },
  async run({ values, positionals }, io) {
    const [action, name] = positionals;
    if (action === 'add' || action === 'run') {
      if (!name) throw new RelaisError('RELAIS_CLI_USAGE', `recycle ${action} takes the NAME of the rule set.`, { field: 'NAME' });
      const raw = values as unknown as Record<string, string | boolean | undefined> & { channel?: string[] };
      const result = await io.withDatabase(values, async (database) => {
        const workspaceId = await workspaceOf(database.db, raw);
        if (action === 'add') {
          const rules = readRules(typeof values.rules === 'string' ? values.rules : undefined);
          const channels = await listChannels(database.db, workspaceId);
          const channelIds = (raw.channel ?? []).map((n) => {
            const channel = channels.find((c) => c.name === n);
            if (!channel) throw new RelaisError('RELAIS_NOT_FOUND', `No channel named "${n}".`, { field: '--channel' });
            return channel.id;
          });
          const set = await saveRuleSet(database.db, workspaceId, { name, channelIds, rules }, Date.now());
          return `Rule set ${set.id} "${set.name}" saved for ${channelIds.length} channel(s).`;
        }
        const set = (await listRuleSets(database.db, workspaceId)).find((r) => r.name === name);
        if (!set) throw new RelaisError('RELAIS_NOT_FOUND', `No recycling rule set named "${name}".`, { field: 'NAME' });
        const random = createRandom(Date.now());
        const run = await runRecycling(database.db, workspaceId, set.id, { now: Date.now(), random: () => random.next(), publicUrl: typeof values['public-url'] === 'string' ? values['public-url'] : loadConfig(io.env).publicUrl, force: true });
        return run.ran ? run.posts.map((p) => `Post ${p.id} scheduled for ${new Date(p.dueAt!).toISOString()}: ${p.targets[0]?.text ?? ''}`).join('\n') : `Nothing to recycle (${run.reason}).`;
      });
      io.out(result);
      return;
    }
    if (action !== 'preview') {
      throw new RelaisError('RELAIS_CLI_USAGE', action ? `Unknown action "${action}".` : 'No action given.', { hint: 'use preview, add or run; see `relais recycle --help`' });
    }
    const rules = readRules(typeof values.rules === 'string' ? values.rules : undefined);
    const network = choiceFlag(values.network, '--network', NETWORKS, 'mastodon');
    const count = intFlag(values.count, '--count', 10, 1, 100);
    const now = Date.now();
    const random = createRandom(intFlag(values.seed, '--seed', Math.floor(now / 86_400_000)));
    const preview = await io.withDatabase(values, async (database) => {
      const slug = requiredFlag(values.workspace, '--workspace', 'the workspace slug, e.g. --workspace demo');
      const workspace = await findWorkspace(database.db, slug);
      if (!workspace) throw new RelaisError('RELAIS_NOT_FOUND', `No workspace ${slug}.`, { field: '--workspace' });
      return recyclePreview(database.db, workspace.id, { rules, network, count, now, random: () => random.next() });
    });
    if (values.json) {
      io.out(JSON.stringify(preview));
      return;
    }
    io.out(`Pool: ${preview.poolSize} articles; the brand posts ${preview.usualPerDay.toFixed(1)} a day → one run every ${preview.intervalHours} h.`);
    for (const share of preview.shares) {
      io.out(`${new Date(share.at).toISOString().slice(0, 16).replace('T', ' ')}  ${share.over ? 'OVER ' : ''}[${share.length}/${share.limit}]  ${share.text.replace(/\s+/g, ' ')}`);
    }
    if (preview.stopped) io.out(preview.stopped === 'empty-pool' ? 'No article fits these rules.' : 'The pool is exhausted and the rules say stop.');
    const reasons = new Map<string, number>();
    for (const e of preview.excluded) reasons.set(e.reason, (reasons.get(e.reason) ?? 0) + 1);
    if (reasons.size) io.out(`Left out now: ${[...reasons].map(([reason, n]) => `${n} ${reason}`).join(', ')}.`);
  },
};

async function workspaceOf(db: Parameters<typeof findWorkspace>[0], values: Record<string, string | boolean | undefined>): Promise<number> {
  const slug = requiredFlag(values.workspace, '--workspace', 'the workspace slug, e.g. --workspace demo');
  const workspace = await findWorkspace(db, slug);
  if (!workspace) throw new RelaisError('RELAIS_NOT_FOUND', `No workspace ${slug}.`, { field: '--workspace' });
  return workspace.id;
}

/** "2026-12-01T09:30" (read in --tz, default Europe/Paris), an ISO time with offset, or "now". */
export function parseWhen(text: string, timeZone: string, now: number): number {
  if (text === 'now') return now;
  if (/[zZ]|[+-]\d\d:?\d\d$/.test(text)) {
    const at = Date.parse(text);
    if (Number.isFinite(at)) return at;
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})$/.exec(text);
  if (!m) throw new RelaisError('RELAIS_CLI_USAGE', `Cannot read the time "${text}".`, { field: '--at', hint: 'YYYY-MM-DDTHH:MM (in --tz), an ISO time with offset, or now' });
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  // The wall-clock time in the zone: guess UTC, then correct by the zone's offset at that instant.
  const guess = Date.UTC(y, mo - 1, d, h, mi);
  const offset = (at: number) => {
    const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).formatToParts(at).map((p) => [p.type, p.value]));
    return Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute)) - at;
  };
  const first = guess - offset(guess);
  return guess - offset(first);
}

export const postCommand: Command = {
  name: 'post',
  summary: 'Schedule, list and cancel posts',
  help: `Usage:
  relais post schedule TEXT --channel NAME [--channel NAME…] --at WHEN [--tz ZONE] --workspace SLUG
  relais post list --workspace SLUG [--from WHEN] [--to WHEN] [--status S] [--json]
  relais post cancel ID --workspace SLUG

schedule  checks the text against each channel's network (length as it counts it) and
          schedules it; WHEN is YYYY-MM-DDTHH:MM read in --tz (default Europe/Paris), an
          ISO time with offset, or now. Without --at, the post is kept as a draft.
          A running \`relais serve\` (worker role) sends it at its time, exactly once.
list      posts by due time with each channel's status and last error.
cancel    cancels what has not gone out yet.
Common options: --database URL, --json, -h/--help.`,
  positionals: true,
  options: { workspace: { type: 'string' }, channel: { type: 'string', multiple: true }, at: { type: 'string' }, tz: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, status: { type: 'string' } },
  async run({ values, positionals }, io) {
    const [action, arg] = positionals;
    const tz = typeof values.tz === 'string' ? values.tz : 'Europe/Paris';
    const now = Date.now();
    const raw = values as unknown as Record<string, string | boolean | undefined> & { channel?: string[] };
    if (action === 'schedule') {
      if (!arg) throw new RelaisError('RELAIS_CLI_USAGE', 'post schedule takes the TEXT.', { hint: 'relais post schedule "Bonjour" --channel Mastodon --at 2026-12-01T09:30 --workspace demo' });
      const names = raw.channel ?? [];
      if (names.length === 0) throw new RelaisError('RELAIS_CLI_USAGE', 'Choose at least one --channel.', { field: '--channel' });
      const dueAt = typeof values.at === 'string' ? parseWhen(values.at, tz, now) : null;
      const post = await io.withDatabase(values, async (database) => {
        const workspaceId = await workspaceOf(database.db, raw);
        const channels = await listChannels(database.db, workspaceId);
        const targets = names.map((name) => {
          const channel = channels.find((c) => c.name === name);
          if (!channel) throw new RelaisError('RELAIS_NOT_FOUND', `No channel named "${name}".`, { field: '--channel', hint: channels.map((c) => c.name).join(', ') || 'add one with relais channel add' });
          return { channelId: channel.id };
        });
        return schedulePost(database.db, workspaceId, { text: arg, targets, dueAt, timeZone: tz }, now);
      });
      io.out(values.json ? JSON.stringify(post) : `Post ${post.id} ${post.status}${post.dueAt ? ` for ${new Date(post.dueAt).toISOString()}` : ''} on ${post.targets.map((t) => t.channelName).join(', ')}.`);
      return;
    }
    if (action === 'list') {
      const posts = await io.withDatabase(values, async (database) => listPosts(database.db, await workspaceOf(database.db, raw), {
        from: typeof values.from === 'string' ? parseWhen(values.from, tz, now) : undefined, to: typeof values.to === 'string' ? parseWhen(values.to, tz, now) : undefined, status: typeof values.status === 'string' ? values.status : undefined,
      }));
      if (values.json) io.out(JSON.stringify(posts));
      else for (const p of posts) {
        io.out(`${String(p.id).padStart(5)}  ${p.dueAt ? new Date(p.dueAt).toISOString().slice(0, 16) : 'draft           '}  ${p.status.padEnd(16)} ${p.text.replace(/\s+/g, ' ').slice(0, 60)}`);
        for (const t of p.targets) io.out(`         ${t.channelName}: ${t.status}${t.lastError ? ` — ${t.lastError}` : ''}`);
      }
      return;
    }
    if (action === 'cancel') {
      const id = Number(arg);
      if (!Number.isInteger(id) || id <= 0) throw new RelaisError('RELAIS_CLI_USAGE', 'post cancel takes a post ID.', { field: 'ID' });
      const post = await io.withDatabase(values, async (database) => cancelPost(database.db, await workspaceOf(database.db, raw), id, now));
      io.out(values.json ? JSON.stringify(post) : `Post ${post.id} ${post.status}.`);
      return;
    }
    throw new RelaisError('RELAIS_CLI_USAGE', action ? `Unknown action "${action}".` : 'No action given.', { hint: 'use schedule, list or cancel; see `relais post --help`' });
  },
};

export const channelCommand: Command = {
  name: 'channel',
  summary: 'Add, list and test publishing channels',
  help: `Usage:
  relais channel add NAME --network mastodon --instance URL --token TOKEN --workspace SLUG
  relais channel add NAME --network bluesky --handle HANDLE --app-password PW [--service URL] --workspace SLUG
  relais channel add NAME --network webhook --url URL --secret SECRET --workspace SLUG
  relais channel add NAME --network feed --workspace SLUG     (an Atom feed relais serves)
  relais channel list --workspace SLUG [--json]
  relais channel test NAME --workspace SLUG

add   checks the credentials with the network, then saves the channel (use an app password on
      Bluesky, an access token with write:statuses and write:media on Mastodon).
      --rate N sets the posts an hour it may send (default 30), --tz its time zone.
test  checks a channel's credentials now; a working channel is reactivated.
Common options: --database URL, --json, -h/--help.`,
  positionals: true,
  options: {
    workspace: { type: 'string' }, network: { type: 'string' }, instance: { type: 'string' }, token: { type: 'string' }, handle: { type: 'string' }, 'app-password': { type: 'string' },
    service: { type: 'string' }, url: { type: 'string' }, secret: { type: 'string' }, rate: { type: 'string' }, tz: { type: 'string' },
  },
  async run({ values, positionals }, io) {
    const [action, name] = positionals;
    const raw = values as Record<string, string | boolean | undefined>;
    const text = (key: string) => (typeof raw[key] === 'string' ? (raw[key] as string) : '');
    if (action === 'add') {
      if (!name) throw new RelaisError('RELAIS_CLI_USAGE', 'channel add takes a NAME.', { field: 'NAME' });
      const network = choiceFlag(values.network, '--network', ['mastodon', 'bluesky', 'webhook', 'feed'] as const, 'mastodon');
      const config: Record<string, string> = network === 'mastodon' ? { instanceUrl: text('instance') } : network === 'bluesky' ? { identifier: text('handle'), serviceUrl: text('service') || 'https://bsky.social' } : network === 'webhook' ? { url: text('url') } : {};
      const secrets: Record<string, string> = network === 'mastodon' ? { accessToken: text('token') } : network === 'bluesky' ? { appPassword: text('app-password') } : network === 'webhook' ? { signingSecret: text('secret') } : {};
      const channel = await io.withDatabase(values, async (database) => {
        const workspaceId = await workspaceOf(database.db, raw);
        const handle = await verifyChannel({ id: 0, network, config: JSON.stringify(config), secrets: JSON.stringify(secrets) }, Date.now);
        return addChannel(database.db, workspaceId, { network, name, config, secrets, ratePerHour: intFlag(values.rate, '--rate', 30, 1, 10_000), timeZone: text('tz') || undefined }, Date.now(), handle);
      });
      io.out(values.json ? JSON.stringify(channel) : `Channel ${channel.id} "${channel.name}" (${channel.network}, ${channel.handle ?? 'no handle'}) added.`);
      return;
    }
    if (action === 'list') {
      const channels = await io.withDatabase(values, async (database) => listChannels(database.db, await workspaceOf(database.db, raw)));
      if (values.json) io.out(JSON.stringify(channels));
      else for (const c of channels) io.out(`${String(c.id).padStart(4)}  ${c.name.padEnd(20)} ${c.network.padEnd(9)} ${c.status}${c.statusReason ? ` — ${c.statusReason}` : ''}`);
      return;
    }
    if (action === 'test') {
      if (!name) throw new RelaisError('RELAIS_CLI_USAGE', 'channel test takes a NAME.', { field: 'NAME' });
      const handle = await io.withDatabase(values, async (database) => {
        const workspaceId = await workspaceOf(database.db, raw);
        const row = await database.db.withTables<PublishTables>().selectFrom('channels').select(['id', 'network', 'config', 'secrets']).where('workspace_id', '=', workspaceId).where('name', '=', name).executeTakeFirst();
        if (!row) throw new RelaisError('RELAIS_NOT_FOUND', `No channel named "${name}".`, { field: 'NAME' });
        try {
          const verified = await verifyChannel({ ...row, id: Number(row.id) }, Date.now);
          await setChannelStatus(database.db, Number(row.id), 'active', null);
          return verified;
        } catch (error) {
          if (error instanceof RelaisError) await setChannelStatus(database.db, Number(row.id), 'auth-expired', error.message);
          throw error;
        }
      });
      io.out(values.json ? JSON.stringify({ name, handle, status: 'active' }) : `Channel "${name}" works: ${handle}.`);
      return;
    }
    throw new RelaisError('RELAIS_CLI_USAGE', action ? `Unknown action "${action}".` : 'No action given.', { hint: 'use add, list or test; see `relais channel --help`' });
  },
};
