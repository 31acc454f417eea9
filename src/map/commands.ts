// `relais graph …`: Map from the command line — import and export ties, run the analysis (with
// a progress bar; Ctrl-C cancels it), and read its figures, influencers, communities and
// "who can help me".
import fs from 'node:fs';
import type { Kysely } from 'kysely';
import { findWorkspace } from '../platform/auth/store.ts';
import { choiceFlag, intFlag, requiredFlag, type Command, type FlagValues } from '../platform/command.ts';
import type { PlatformTables } from '../platform/db/schema.ts';
import { RelaisError } from '../platform/errors.ts';
import { progressBar } from '../platform/progress.ts';
import type { ListenTables } from '../listen/tables.ts';
import { analyseWorkspace } from './analysis.ts';
import { calibrateWorkspace } from './calibration.ts';
import { loadSettings, saveSettings } from './settings.ts';
import { exportGraph, EXPORT_FORMATS } from './export.ts';
import { importGraph } from './import.ts';
import { backfillInteractions } from './interactions.ts';
import { influencersCsv, readCommunities, readHelp, readInfluencers, readStats } from './reads.ts';
import { IMPORT_FORMATS, INFLUENCER_SORTS } from './schemas.ts';

async function workspaceId(db: Kysely<PlatformTables>, values: FlagValues): Promise<number> {
  const slug = requiredFlag(values.workspace, '--workspace', 'the workspace slug, e.g. --workspace demo');
  const workspace = await findWorkspace(db, slug);
  if (!workspace) throw new RelaisError('RELAIS_NOT_FOUND', `No workspace ${slug}.`, { field: '--workspace' });
  return workspace.id;
}

/** An account given as an id or a @handle. */
async function accountId(db: Kysely<PlatformTables>, workspace: number, value: string, flag: string): Promise<number> {
  if (/^\d+$/.test(value)) return Number(value);
  const handle = value.replace(/^@/, '');
  const row = await db.withTables<ListenTables>().selectFrom('accounts').select('id').where('workspace_id', '=', workspace).where('handle', '=', handle).orderBy('followers', 'desc').executeTakeFirst();
  if (!row) throw new RelaisError('RELAIS_NOT_FOUND', `No account ${value} in this workspace.`, { field: flag });
  return Number(row.id);
}

/** A flag that must be a number strictly between 0 and 1. */
function fractionFlag(value: string | boolean | undefined, flag: string): number {
  const x = typeof value === 'string' ? Number(value) : Number.NaN;
  if (!(x > 0 && x < 1)) throw new RelaisError('RELAIS_CLI_USAGE', `${flag} takes a number between 0 and 1, not "${String(value)}".`, { field: flag });
  return x;
}

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)} %`);

const HELP = `Usage:
  relais graph import FILE --format FORMAT --workspace SLUG [--network NAME] [--kind KIND]
                          [--account HANDLE] [--undirected]
  relais graph export --workspace SLUG [--format gexf|graphml] [--output FILE]
  relais graph analyse --workspace SLUG
  relais graph backfill --workspace SLUG
  relais graph stats --workspace SLUG [--json]
  relais graph influencers --workspace SLUG [--sort influence|reach|resonance|trust|followers|fanQuality]
                          [--order asc|desc] [--community N] [--affiliation A] [--q TEXT] [--limit N] [--csv] [--json]
  relais graph communities --workspace SLUG [--json]
  relais graph help SKILL --workspace SLUG [--from ID|@handle] [--limit N] [--json]
  relais graph settings --workspace SLUG [--half-life DAYS] [--threshold S] [--dunbar N]
  relais graph calibrate FILE --workspace SLUG

import       loads ties from a file. FORMAT: csv, tsv (source,target[,weight]; a header naming the
             columns is recognised), snap (SNAP edge list), gml, gexf, graphml, followers or following
             (one handle a line: the followers, or the followings, of --account). Nodes become accounts
             on --network (default "import"; an existing account with the same handle is reused);
             ties are of --kind (default "follows" for follower exports, "link" otherwise).
             Self-loops, duplicate edges, unknown node ids and weights that are not numbers are
             reported with their line numbers; the rest loads. A file in another format is refused.
export       writes the ties with their strength, strong/weak, community and influence as GEXF 1.3
             or GraphML, for Gephi (to --output, else standard output).
analyse      recomputes tie strengths, influence, fan quality, communities and brokers now, with
             progress; Ctrl-C cancels (the previous results stay). \`relais serve\` does it by itself
             within a minute of a change.
backfill     rebuilds the interaction ties (replies, quotes, reshares, @mentions) from every stored
             mention — for mentions stored before Map recorded them.
stats        ties, strong ties, weak-tie shares (workspace, brand fans, median person), modularity.
influencers  the influencer table: the 0–100 score and its parts, fan quality; --csv for a spreadsheet.
communities  communities with their labels, top accounts, brokers and weak-tie share.
help         "who can help me with SKILL": people whose bio, posts or tags have the skill, ranked by
             skill match × the trust of the best introduction path from --from (the brand by default).
settings     shows (or changes) how ties are weighed: the recency half-life (default 60 days), the
             strength from which a tie may be strong (0.5) and the Dunbar cap of strong ties (150).
calibrate    fits the tie-strength formula's weights to ties you labelled: a CSV file of lines
             source,target,strong|weak (handles or account ids); they are used from then on.
Common options: --database URL, --json, -h/--help.`;

export const graphCommand: Command = {
  name: 'graph',
  summary: "Map's graph: import, export, analyse, stats, influencers, communities, who can help",
  help: HELP,
  positionals: true,
  options: {
    workspace: { type: 'string' }, format: { type: 'string' }, network: { type: 'string' }, kind: { type: 'string' }, account: { type: 'string' }, undirected: { type: 'boolean' },
    output: { type: 'string' }, sort: { type: 'string' }, order: { type: 'string' }, community: { type: 'string' }, affiliation: { type: 'string' }, q: { type: 'string' },
    limit: { type: 'string' }, csv: { type: 'boolean' }, from: { type: 'string' },
    'half-life': { type: 'string' }, threshold: { type: 'string' }, dunbar: { type: 'string' },
  },
  async run({ values, positionals }, io) {
    const [action, ...args] = positionals;
    const json = values.json === true;
    const print = (data: unknown, text: () => string) => io.out(json ? JSON.stringify(data) : text());
    switch (action) {
      case 'import': {
        const file = requiredFlag(args[0], 'FILE', 'relais graph import ties.csv --format csv --workspace demo');
        if (!fs.existsSync(file)) throw new RelaisError('RELAIS_NOT_FOUND', `No file ${file}.`, { field: 'FILE' });
        const format = choiceFlag(requiredFlag(values.format, '--format', `one of ${IMPORT_FORMATS.join(', ')}`), '--format', IMPORT_FORMATS, 'csv');
        const kind = values.kind === undefined ? undefined : choiceFlag(values.kind, '--kind', ['follows', 'link', 'reply', 'mention', 'reshare', 'quote'] as const, 'link');
        const result = await io.withDatabase(values, async (database) => importGraph(database.db, await workspaceId(database.db, values), {
          format, text: fs.readFileSync(file, 'utf8'), network: typeof values.network === 'string' ? values.network : 'import', kind,
          ...(values.undirected ? { directed: false } : {}), ...(typeof values.account === 'string' ? { account: values.account } : {}),
        }, Date.now()));
        print(result, () => [
          `Imported ${result.edges} ties between ${result.nodes} accounts (${result.accountsCreated} new) from ${file}.`,
          ...result.errors.slice(0, 30).map((e) => `  line ${e.line}: ${e.message} (skipped)`),
          ...result.warnings.slice(0, 30).map((e) => `  line ${e.line}: ${e.message}`),
          ...(result.errors.length + result.warnings.length > 60 ? [`  … ${result.errors.length + result.warnings.length - 60} more`] : []),
          'Run `relais graph analyse` (or let `relais serve` do it) to update the scores.',
        ].join('\n'));
        return;
      }
      case 'export': {
        const format = choiceFlag(values.format, '--format', EXPORT_FORMATS, 'gexf');
        const text = await io.withDatabase(values, async (database) => exportGraph(database.db, await workspaceId(database.db, values), format, Date.now()));
        if (typeof values.output === 'string') {
          fs.writeFileSync(values.output, text);
          io.err(`Wrote ${values.output} (${format.toUpperCase()}, ${text.length.toLocaleString('en')} characters).`);
        } else io.out(text);
        return;
      }
      case 'analyse':
      case 'analyze': {
        const bar = progressBar(process.stderr, { enabled: io.interactive && !json });
        const controller = new AbortController();
        const onSigint = () => controller.abort();
        process.once('SIGINT', onSigint);
        try {
          const summary = await io.withDatabase(values, async (database) => analyseWorkspace(database.db, await workspaceId(database.db, values), {
            now: Date.now(), signal: controller.signal, onProgress: (step, done, total) => bar.update(done, total, step),
          }));
          bar.finish();
          print(summary, () => `Analysed ${summary.nodes} accounts and ${summary.ties} ties: ${summary.strongTies} strong, ${summary.communities} communities (modularity ${summary.modularity.toFixed(3)}), in ${Object.values(summary.seconds).reduce((a, b) => a + b, 0).toFixed(1)} s.`);
        } finally {
          process.removeListener('SIGINT', onSigint);
        }
        return;
      }
      case 'backfill': {
        const bar = progressBar(process.stderr, { enabled: io.interactive && !json });
        const result = await io.withDatabase(values, async (database) => backfillInteractions(database.db.withTables<ListenTables>(), await workspaceId(database.db, values), { now: Date.now(), onProgress: (done, total) => bar.update(done, total, 'mentions read') }));
        bar.finish();
        print(result, () => `Read ${result.mentions} mentions: ${result.edges} interaction ties (reply, quote, reshare, mention).`);
        return;
      }
      case 'stats': {
        const stats = await io.withDatabase(values, async (database) => readStats(database.db, await workspaceId(database.db, values), Date.now()));
        print(stats, () => [
          `${stats.accounts} accounts; edges: ${Object.entries(stats.edges).map(([k, n]) => `${n} ${k}`).join(', ') || 'none'}.`,
          `${stats.nodes} accounts with ties, ${stats.ties} ties, ${stats.strongTies} strong (at most 150 each).`,
          `Weak ties: ${pct(stats.weakTieShare.workspace)} of all ties; ${pct(stats.weakTieShare.medianPerson)} of a median person's; ${pct(stats.weakTieShare.brandFans)} of the brand's ${stats.brand.fans} fans${stats.brand.account ? ` (@${stats.brand.account.handle})` : ''}.`,
          `${stats.communities} communities, modularity ${stats.modularity.toFixed(3)}.`,
          `Betweenness ${stats.betweenness.exact ? 'exact' : `sampled from ${stats.betweenness.pivots} pivots, ±${stats.betweenness.normalizedError.toFixed(4)} (normalised) with ${Math.round(stats.betweenness.confidence * 100)} % confidence`}; two-hop reach ${stats.reach2.exact ? 'exact' : `±${(stats.reach2.relativeStandardError * 100).toFixed(1)} %`}.`,
          `Analysis: ${stats.analysis.status}${stats.analysis.stale ? ' (the graph changed since: stale)' : ''}.`,
        ].join('\n'));
        return;
      }
      case 'influencers': {
        const query = {
          sort: choiceFlag(values.sort, '--sort', INFLUENCER_SORTS, 'influence'),
          order: choiceFlag(values.order, '--order', ['asc', 'desc'] as const, 'desc'),
          ...(values.community !== undefined ? { community: intFlag(values.community, '--community', 0, -1) } : {}),
          ...(typeof values.affiliation === 'string' ? { affiliation: values.affiliation } : {}),
          ...(typeof values.q === 'string' ? { q: values.q } : {}),
          limit: intFlag(values.limit, '--limit', 20, 1, 10_000), offset: 0, format: 'json' as const,
        };
        const result = await io.withDatabase(values, async (database) => readInfluencers(database.db, await workspaceId(database.db, values), query, Date.now()));
        if (values.csv) { io.out(influencersCsv(result.rows).trimEnd()); return; }
        print(result, () => [
          `${'influence'.padStart(9)}  reach  reson  trust  ${'followers'.padStart(9)}  fans ok  account`,
          ...result.rows.map((r) => `${r.influence.toFixed(1).padStart(9)}  ${r.parts.reach.toFixed(2)}   ${r.parts.resonance.toFixed(2)}   ${r.parts.trust.toFixed(2)}   ${String(r.followers).padStart(9)}  ${pct(r.fanQuality.score).padStart(7)}  @${r.handle}${r.affiliation ? ` (${r.affiliation})` : ''}`),
          `${result.rows.length} of ${result.total}.`,
        ].join('\n'));
        return;
      }
      case 'communities': {
        const result = await io.withDatabase(values, async (database) => readCommunities(database.db, await workspaceId(database.db, values), Date.now()));
        print(result, () => [
          `${result.communities.length} communities, modularity ${result.modularity.toFixed(3)}.`,
          ...result.communities.slice(0, intFlag(values.limit, '--limit', 30, 1)).map((c) => `  #${c.id} ${String(c.size).padStart(6)} accounts  ${c.label.padEnd(36)} weak ties ${pct(c.weakTieShare)}  top: ${c.topAccounts.slice(0, 3).map((a) => `@${a.handle}`).join(' ')}  brokers: ${c.brokers.slice(0, 2).map((a) => `@${a.handle}`).join(' ')}`),
        ].join('\n'));
        return;
      }
      case 'help': {
        const skill = requiredFlag(args.join(' ').trim() || undefined, 'SKILL', 'relais graph help "comptabilité" --workspace demo');
        const result = await io.withDatabase(values, async (database) => {
          const id = await workspaceId(database.db, values);
          const from = typeof values.from === 'string' ? await accountId(database.db, id, values.from, '--from') : undefined;
          return readHelp(database.db, id, { q: skill, from, limit: intFlag(values.limit, '--limit', 10, 1, 100) }, Date.now());
        });
        print(result, () => result.candidates.length === 0
          ? `Nobody reachable from ${result.from ? `@${result.from.handle}` : 'there'} has "${skill}" in their bio, posts or tags.`
          : result.candidates.map((c, i) => [
            `${i + 1}. @${c.account.handle}${c.account.displayName ? ` (${c.account.displayName})` : ''}  score ${c.score.toFixed(3)} = match ${c.skillMatch.toFixed(2)} × trust ${c.pathTrust.toFixed(3)}`,
            `   path: ${c.path.map((p, k) => (k === 0 ? `@${p.account.handle}` : `—${p.strength.toFixed(2)}${p.strong ? ' strong' : ''}→ @${p.account.handle}`)).join(' ')}`,
            ...c.why.map((w) => `   · ${w}`),
          ].join('\n')).join('\n'));
        return;
      }
      case 'settings': {
        const change = {
          ...(values['half-life'] !== undefined ? { halfLifeDays: intFlag(values['half-life'], '--half-life', 60, 1, 3650) } : {}),
          ...(values.dunbar !== undefined ? { dunbar: intFlag(values.dunbar, '--dunbar', 150, 1, 10_000) } : {}),
          ...(values.threshold !== undefined ? { threshold: fractionFlag(values.threshold, '--threshold') } : {}),
        };
        const settings = await io.withDatabase(values, async (database) => {
          const id = await workspaceId(database.db, values);
          return Object.keys(change).length ? saveSettings(database.db, id, change, Date.now()) : loadSettings(database.db, id);
        });
        print(settings, () => [
          `Recency half-life ${settings.halfLifeDays} days; strong from ${settings.threshold}; at most ${settings.dunbar} strong ties each.`,
          `Weights: ${Object.entries(settings.weights).map(([k, w]) => `${k} ${w.toFixed(3)}`).join(', ')}.`,
          ...(Object.keys(change).length ? ['Run `relais graph analyse` (or let `relais serve` do it) to apply them.'] : []),
        ].join('\n'));
        return;
      }
      case 'calibrate': {
        const file = requiredFlag(args[0], 'FILE', 'relais graph calibrate labelled-ties.csv --workspace demo');
        if (!fs.existsSync(file)) throw new RelaisError('RELAIS_NOT_FOUND', `No file ${file}.`, { field: 'FILE' });
        const result = await io.withDatabase(values, async (database) => calibrateWorkspace(database.db, await workspaceId(database.db, values), fs.readFileSync(file, 'utf8'), Date.now()));
        print(result, () => [
          `Fitted on ${result.used} labelled ties (${result.strong} strong): accuracy ${(result.accuracy * 100).toFixed(1)} % on them.`,
          `Weights now in use: ${Object.entries(result.weights).map(([k, w]) => `${k} ${w.toFixed(3)}`).join(', ')}.`,
          ...result.problems.slice(0, 30).map((p) => `  line ${p.line}: ${p.message} (left out)`),
        ].join('\n'));
        return;
      }
      default:
        throw new RelaisError('RELAIS_CLI_USAGE', action ? `Unknown action "${action}".` : 'No action given.', { hint: 'see `relais graph --help`' });
    }
  },
};

export const mapCommands: readonly Command[] = [graphCommand];
