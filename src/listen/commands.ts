// `relais topic …` and `relais ingest FILE`.
import fs from 'node:fs';
import readline from 'node:readline';
import type { Kysely } from 'kysely';
import { findWorkspace } from '../platform/auth/store.ts';
import { choiceFlag, intFlag, requiredFlag, type Command, type FlagValues } from '../platform/command.ts';
import { addFeed, findSource, importOpml, listSources, pollSource, setSourceStatus } from './feeds.ts';
import type { PlatformTables } from '../platform/db/schema.ts';
import { RelaisError } from '../platform/errors.ts';
import { progressBar } from '../platform/progress.ts';
import { receiveItems, type ReceiveResult } from './receive.ts';
import { loadEnricher } from './enricher.ts';
import { backfillTopics, checkQuery, createTopic, listTopics, prepareStored, storedMentions, TopicIndex } from './topics.ts';
import { compileQuery, printQuery } from './query/index.ts';

async function workspaceId(db: Kysely<PlatformTables>, values: FlagValues): Promise<number> {
  const slug = requiredFlag(values.workspace, '--workspace', 'the workspace slug, e.g. --workspace demo');
  const workspace = await findWorkspace(db, slug);
  if (!workspace) throw new RelaisError('RELAIS_NOT_FOUND', `No workspace ${slug}.`, { field: '--workspace' });
  return workspace.id;
}

const TOPIC_HELP = `Usage:
  relais topic add NAME QUERY --workspace SLUG
  relais topic list --workspace SLUG [--json]
  relais topic test QUERY --workspace SLUG [--limit N] [--json]

add    creates a topic and matches it against the mentions already stored (with progress).
list   lists the topics with their queries.
test   checks a query and shows how many stored mentions it matches, with samples,
       without saving anything. A bad query is reported with its position and a hint.

The query language is documented in src/listen/query/README.md: terms, "phrases", AND / OR /
NOT, parentheses, wildcards, NEAR/n, #hashtags, @handles, fields (lang:, country:, source:…).
Common options: --database URL, --json, -h/--help.`;

export const topicCommand: Command = {
  name: 'topic',
  summary: 'Add, list and test the topics Listen tracks',
  help: TOPIC_HELP,
  positionals: true,
  options: { workspace: { type: 'string' }, limit: { type: 'string' } },
  async run({ values, positionals }, io) {
    const [action, ...args] = positionals;
    const bar = progressBar(process.stderr, { enabled: io.interactive && !values.json });
    if (action === 'add') {
      const [name, query] = args;
      if (!name || !query) throw new RelaisError('RELAIS_CLI_USAGE', 'topic add takes a NAME and a QUERY.', { hint: 'relais topic add "Cimes" "cimes OR @cimes" --workspace demo' });
      const result = await io.withDatabase(values, async (database) => {
        const id = await workspaceId(database.db, values);
        const topic = await createTopic(database.db, id, { name, query }, Date.now());
        const backfill = await backfillTopics(database.db, id, [topic.id], { now: Date.now(), onProgress: (done) => bar.update(done, done, 'mentions matched') });
        return { topic, matched: backfill.matched[topic.id] ?? 0, scanned: backfill.scanned };
      });
      bar.finish();
      io.out(values.json ? JSON.stringify(result) : `Topic ${result.topic.id} "${result.topic.name}" matches ${result.matched} of ${result.scanned} stored mentions.`);
      return;
    }
    if (action === 'list') {
      const topics = await io.withDatabase(values, async (database) => listTopics(database.db, await workspaceId(database.db, values)));
      if (values.json) io.out(JSON.stringify(topics));
      else for (const t of topics) io.out(`${String(t.id).padStart(4)}  ${t.name.padEnd(28)} ${t.query}`);
      return;
    }
    if (action === 'test') {
      const [query] = args;
      if (!query) throw new RelaisError('RELAIS_CLI_USAGE', 'topic test takes a QUERY.', { hint: 'relais topic test "cimes AND boycott" --workspace demo' });
      const ast = checkQuery(query, 'QUERY');
      const matcher = compileQuery(ast);
      const limit = Number(values.limit ?? 5);
      const result = await io.withDatabase(values, async (database) => {
        let scanned = 0;
        let matched = 0;
        const samples: Array<{ id: number; text: string }> = [];
        for await (const page of storedMentions(database.db, await workspaceId(database.db, values))) {
          for (const row of page) {
            if (!matcher(prepareStored(row))) continue;
            matched += 1;
            if (samples.length < limit) samples.push({ id: row.id, text: (row.title ? `${row.title} — ` : '') + row.text.slice(0, 160) });
          }
          scanned += page.length;
          bar.update(scanned, scanned, 'mentions scanned');
        }
        return { canonical: printQuery(ast), scanned, matched, samples };
      });
      bar.finish();
      if (values.json) io.out(JSON.stringify(result));
      else {
        io.out(`${result.canonical}\nmatches ${result.matched} of ${result.scanned} stored mentions`);
        for (const s of result.samples) io.out(`  #${s.id}  ${s.text.replace(/\s+/g, ' ')}`);
      }
      return;
    }
    throw new RelaisError('RELAIS_CLI_USAGE', action ? `Unknown action "${action}".` : 'No action given.', { hint: 'use add, list or test; see `relais topic --help`' });
  },
};

export const ingestCommand: Command = {
  name: 'ingest',
  summary: 'Ingest mentions from an NDJSON file',
  help: `Usage: relais ingest FILE --workspace SLUG [--database URL] [--json]

Reads FILE, one mention a line as JSON (the MentionInput of the API docs: network,
networkId, sourceType, url, author, publishedAt, title, text, lang, links, hashtags…),
stores each mention once (duplicates by network id or canonical URL are merged) and matches
it against the workspace's topics. A bad line is reported with its number, kept in the
ingest log, and the rest goes in.`,
  positionals: true,
  options: { workspace: { type: 'string' } },
  async run({ values, positionals }, io) {
    const file = requiredFlag(positionals[0], 'FILE', 'relais ingest mentions.ndjson --workspace demo');
    if (!fs.existsSync(file)) throw new RelaisError('RELAIS_NOT_FOUND', `No file ${file}.`, { field: 'FILE' });
    const bar = progressBar(process.stderr, { enabled: io.interactive && !values.json });
    const total: ReceiveResult = { received: 0, inserted: 0, duplicates: 0, topicMatches: {}, rejected: [] };
    await io.withDatabase(values, async (database) => {
      const id = await workspaceId(database.db, values);
      const topics = new TopicIndex();
      const enrich = await loadEnricher();
      let batch: Array<{ item: unknown; position: string } | { error: string; position: string }> = [];
      const flush = async () => {
        const result = await receiveItems({ db: database.db, topics, enrich, now: Date.now() }, id, batch, file);
        total.received += result.received;
        total.inserted += result.inserted;
        total.duplicates += result.duplicates;
        total.rejected.push(...result.rejected);
        for (const [topic, n] of Object.entries(result.topicMatches)) total.topicMatches[Number(topic)] = (total.topicMatches[Number(topic)] ?? 0) + n;
        batch = [];
        bar.update(total.received, total.received, 'mentions read');
      };
      let line = 0;
      for await (const text of readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity })) {
        line += 1;
        if (!text.trim()) continue;
        try {
          batch.push({ item: JSON.parse(text) as unknown, position: `line ${line}` });
        } catch (error) {
          batch.push({ error: `not JSON (${(error as Error).message})`, position: `line ${line}` });
        }
        if (batch.length >= 5000) await flush();
      }
      if (batch.length > 0) await flush();
    });
    bar.finish();
    if (values.json) io.out(JSON.stringify(total));
    else {
      io.out(`Read ${total.received} mentions: ${total.inserted} stored, ${total.duplicates} duplicates merged, ${total.rejected.length} rejected.`);
      for (const r of total.rejected.slice(0, 20)) io.out(`  ${r.position}: ${r.field}: ${r.message}`);
      if (total.rejected.length > 20) io.out(`  … and ${total.rejected.length - 20} more in the ingest log`);
    }
    // A file of which no line could be read is the user's mistake; some bad lines are not.
    return total.received > 0 && total.rejected.length === total.received ? 1 : 0;
  },
};

const SOURCE_HELP = `Usage:
  relais source add URL --workspace SLUG [--name NAME] [--type blog|news|forum] [--every MINUTES] [--allow-private]
  relais source import-opml FILE --workspace SLUG [--type …] [--every MINUTES]
  relais source list --workspace SLUG [--json]
  relais source pause ID --workspace SLUG
  relais source resume ID --workspace SLUG
  relais source poll ID --workspace SLUG

add          adds a feed (RSS 0.9x/1.0/2.0, Atom, JSON Feed), polled every 15 minutes by default
             by \`relais serve\` (conditional GET, back-off on errors; paused after repeated failures).
             A feed on a loopback or private address is refused unless --allow-private is given.
import-opml  adds every feed of an OPML file.
poll         polls a source now and says what it gave.
Common options: --database URL, --json, -h/--help.`;

export const sourceCommand: Command = {
  name: 'source',
  summary: 'Add, list, pause and poll the feeds Listen follows',
  help: SOURCE_HELP,
  positionals: true,
  options: { workspace: { type: 'string' }, name: { type: 'string' }, type: { type: 'string' }, every: { type: 'string' }, 'allow-private': { type: 'boolean' } },
  async run({ values, positionals }, io) {
    const [action, arg] = positionals;
    const options = {
      ...(typeof values.type === 'string' ? { sourceType: choiceFlag(values.type, '--type', ['blog', 'news', 'forum'] as const, 'blog') } : {}),
      ...(values.every !== undefined ? { intervalMs: intFlag(values.every, '--every', 15, 1, 7 * 24 * 60) * 60_000 } : {}),
      ...(values['allow-private'] ? { allowPrivate: true } : {}),
    };
    const print = (data: unknown, line: string) => io.out(values.json ? JSON.stringify(data) : line);
    const sourceId = () => intFlag(requiredFlag(arg, 'ID'), 'ID', 0, 1);
    await io.withDatabase(values, async (database) => {
      const id = await workspaceId(database.db, values);
      const now = Date.now();
      switch (action) {
        case 'add': {
          const source = await addFeed(database.db, id, { url: requiredFlag(arg, 'URL'), name: typeof values.name === 'string' ? values.name : undefined, options }, now);
          return print(source, `Added source ${source.id}: ${source.url} (polled every ${source.options.intervalMs / 60_000} min by relais serve)`);
        }
        case 'import-opml': {
          const file = requiredFlag(arg, 'FILE');
          if (!fs.existsSync(file)) throw new RelaisError('RELAIS_NOT_FOUND', `No file ${file}.`, { field: 'FILE' });
          const result = await importOpml(database.db, id, fs.readFileSync(file, 'utf8'), options, now);
          return print(result, [`Added ${result.added.length} feeds.`, ...result.skipped.map((k) => `  skipped${k.line ? ` (line ${k.line})` : ''} ${k.url ?? ''}: ${k.reason}`)].join('\n'));
        }
        case 'list': {
          const sources = await listSources(database.db, id);
          return print(sources, sources.map((x) => `${String(x.id).padStart(4)}  ${x.status.padEnd(6)} ${x.url}${x.pausedReason ? `  (${x.pausedReason})` : x.lastError ? `  (last error: ${x.lastError})` : ''}`).join('\n') || 'No sources.');
        }
        case 'pause':
        case 'resume': {
          const source = await setSourceStatus(database.db, id, sourceId(), action === 'pause' ? 'paused' : 'active', action === 'pause' ? 'paused from the command line' : null, now);
          return print(source, `Source ${source.id} is ${source.status}.`);
        }
        case 'poll': {
          const source = await findSource(database.db, id, sourceId());
          const result = await pollSource({ db: database.db, topics: new TopicIndex(), enrich: await loadEnricher(), now }, source.id);
          return print(result, `${result.inserted} new mentions, ${result.duplicates} already known, ${result.problems} problems${result.failure ? `; failed: ${result.failure}` : ''}${result.paused ? `; paused: ${result.paused}` : ''}`);
        }
        default:
          throw new RelaisError('RELAIS_CLI_USAGE', action ? `Unknown action "${action}".` : 'No action given.', { hint: 'see `relais source --help`' });
      }
    });
  },
};

export const listenCommands: readonly Command[] = [topicCommand, ingestCommand, sourceCommand];
