// `relais recycle preview`: the next recycled posts for a set of rules, from the command line.
import fs from 'node:fs';
import { createRandom } from '../graph/random.ts';
import { findWorkspace } from '../platform/auth/store.ts';
import { choiceFlag, intFlag, requiredFlag, type Command } from '../platform/command.ts';
import { RelaisError } from '../platform/errors.ts';
import { recyclePreview } from './recycle/preview.ts';
import { NETWORKS, RecycleRulesSchema } from './schemas.ts';

const RECYCLE_HELP = `Usage:
  relais recycle preview --workspace SLUG [--rules FILE.json] [--network mastodon|bluesky|x|webhook|feed]
                         [--count N] [--seed N] [--json]

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
  summary: 'Preview evergreen recycling of the brand\'s articles',
  help: RECYCLE_HELP,
  positionals: true,
  options: { workspace: { type: 'string' }, rules: { type: 'string' }, network: { type: 'string' }, count: { type: 'string' }, seed: { type: 'string' } },
  async run({ values, positionals }, io) {
    const [action] = positionals;
    if (action !== 'preview') {
      throw new RelaisError('RELAIS_CLI_USAGE', action ? `Unknown action "${action}".` : 'No action given.', { hint: 'use preview; see `relais recycle --help`' });
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
