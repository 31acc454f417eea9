// `relais topic …` and `relais ingest FILE`.
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import type { Kysely } from 'kysely';
import { findWorkspace } from '../platform/auth/store.ts';
import { choiceFlag, intFlag, requiredFlag, type Command, type FlagValues } from '../platform/command.ts';
import { addBluesky, addFeed, addMastodon, findSource, importOpml, listSources, pollSource, setSourceStatus } from './feeds.ts';
import { importFile } from './file-import.ts';
import { CSV_FIELDS, type ColumnMapping, type FileFormat, FILE_FORMATS } from './sources/index.ts';
import { SOURCE_TYPES } from './model.ts';
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

const DELIMITER_FLAGS = { comma: ',', semicolon: ';', tab: '\t', pipe: '|', ',': ',', ';': ';', '|': '|', '\\t': '\t' } as const;

/** `--map text=Message --map publishedAt=Date` → { text: 'Message', publishedAt: 'Date' }. */
function mappingFlags(values: string[]): ColumnMapping | undefined {
  if (values.length === 0) return undefined;
  const mapping: Record<string, string> = {};
  for (const pair of values) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new RelaisError('RELAIS_CLI_USAGE', `--map takes FIELD=COLUMN, not "${pair}".`, { field: '--map', hint: `fields: ${CSV_FIELDS.join(', ')}` });
    mapping[pair.slice(0, eq).trim()] = pair.slice(eq + 1);
  }
  return mapping as ColumnMapping;
}

export const ingestCommand: Command = {
  name: 'ingest',
  summary: 'Ingest mentions from a file: NDJSON, CSV (column mapping), an X archive tweets.js',
  help: `Usage: relais ingest FILE --workspace SLUG [--format ndjson|csv|tweets-js]
         [--map FIELD=COLUMN]… [--delimiter comma|semicolon|tab|pipe] [--encoding LABEL]
         [--network NAME] [--type blog|news|forum|microblog|social|review|video]
         [--owner HANDLE] [--database URL] [--json]

The format is told by the extension (.ndjson/.jsonl, .csv/.tsv, .js) and else by the content.
  ndjson     one mention a line as JSON (the MentionInput of the API docs: network, networkId,
             sourceType, url, author, publishedAt, title, text, lang, links, hashtags…).
  csv        a header line, then one mention a row. The delimiter (, ; tab |) and the encoding
             (UTF-8 with or without BOM, UTF-16, else Windows-1252) are detected; --delimiter and
             --encoding force them. Columns are mapped to fields by their header (text/texte/
             content, date/published/created_at, url/lien, author/auteur/handle, followers…);
             --map FIELD=COLUMN sets one (fields: ${CSV_FIELDS.join(', ')}).
             Rows without a network or source-type column get --network (default web) and
             --type (default social).
  tweets-js  an X/Twitter archive's data/tweets.js; the archive owner is every tweet's author
             (read from the archive's media links, or given with --owner).
Each mention is stored once (duplicates by network id or canonical URL are merged) and matched
against the workspace's topics. A bad line or row is reported with its number, kept in the
ingest log, and the rest goes in.`,
  positionals: true,
  options: { workspace: { type: 'string' }, format: { type: 'string' }, map: { type: 'string', multiple: true }, delimiter: { type: 'string' }, encoding: { type: 'string' }, network: { type: 'string' }, type: { type: 'string' }, owner: { type: 'string' } },
  async run({ values, positionals }, io) {
    const file = requiredFlag(positionals[0], 'FILE', 'relais ingest mentions.ndjson --workspace demo');
    if (!fs.existsSync(file)) throw new RelaisError('RELAIS_NOT_FOUND', `No file ${file}.`, { field: 'FILE' });
    const format = values.format === undefined ? undefined : choiceFlag<FileFormat>(values.format, '--format', FILE_FORMATS, 'ndjson');
    const bar = progressBar(process.stderr, { enabled: io.interactive && !values.json });
    const total: ReceiveResult & { notes?: Array<{ position: string; message: string }>; format?: string } = { received: 0, inserted: 0, duplicates: 0, topicMatches: {}, rejected: [] };
    // NDJSON is streamed line by line (files of any size); CSV and archives are read whole (their encoding is detected on all of it).
    const streamed = format === 'ndjson' || (format === undefined && /\.(ndjson|jsonl)$/i.test(file));
    await io.withDatabase(values, async (database) => {
      const id = await workspaceId(database.db, values);
      const topics = new TopicIndex();
      const enrich = await loadEnricher();
      if (!streamed) {
        const delimiter = values.delimiter === undefined ? undefined : (DELIMITER_FLAGS as Record<string, ',' | ';' | '\t' | '|'>)[String(values.delimiter)];
        if (values.delimiter !== undefined && !delimiter) throw new RelaisError('RELAIS_CLI_USAGE', `--delimiter takes comma, semicolon, tab or pipe, not "${String(values.delimiter)}".`, { field: '--delimiter' });
        const result = await importFile(
          { db: database.db, topics, enrich, now: Date.now() }, id, fs.readFileSync(file), path.basename(file),
          {
            format, delimiter, encoding: typeof values.encoding === 'string' ? values.encoding : undefined,
            mapping: mappingFlags((values.map as unknown as string[] | undefined) ?? []),
            network: typeof values.network === 'string' ? values.network : undefined,
            sourceType: values.type === undefined ? undefined : choiceFlag(values.type, '--type', SOURCE_TYPES, 'social'),
            owner: typeof values.owner === 'string' ? values.owner : undefined,
          },
          (done, all) => bar.update(done, all, 'mentions read'),
        );
        Object.assign(total, result);
        return;
      }
      let batch: Array<{ item: unknown; position: string } | { error: string; position: string }> = [];
      const flush = async () => {
        const result = await receiveItems({ db: database.db, topics, enrich, now: Date.now() }, id, batch, path.basename(file));
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
      io.out(`Read ${total.received} mentions${total.format ? ` (${total.format})` : ''}: ${total.inserted} stored, ${total.duplicates} duplicates merged, ${total.rejected.length} rejected.`);
      for (const n of total.notes ?? []) io.out(`  ${n.position}: ${n.message}`);
      for (const r of total.rejected.slice(0, 20)) io.out(`  ${r.position}: ${r.field}: ${r.message}`);
      if (total.rejected.length > 20) io.out(`  … and ${total.rejected.length - 20} more in the ingest log`);
    }
    // A file of which no line could be read is the user's mistake; some bad lines are not.
    return (total.received > 0 && total.rejected.length === total.received) || (total.received === 0 && (total.notes?.length ?? 0) > 0) ? 1 : 0;
  },
};

const SOURCE_HELP = `Usage:
  relais source add URL --workspace SLUG [--name NAME] [--type TYPE] [--every MINUTES] [--allow-private]
  relais source add mastodon --instance URL (--tag HASHTAG | --query TEXT | --public [--local]) [--token TOKEN] [--stream] --workspace SLUG
  relais source add bluesky (--query TEXT | --keywords "WORD,#TAG,…") [--service URL] [--endpoint URL] [--token TOKEN] --workspace SLUG
  relais source import-opml FILE --workspace SLUG [--type TYPE] [--every MINUTES]
  relais source list --workspace SLUG [--json]
  relais source pause ID --workspace SLUG
  relais source resume ID --workspace SLUG
  relais source poll ID --workspace SLUG

add          adds a feed (RSS 0.9x/1.0/2.0, Atom, JSON Feed), polled every 15 minutes by default
             by \`relais serve\` (conditional GET, back-off on errors; paused after repeated failures).
             A server on a loopback or private address is refused unless --allow-private is given.
add mastodon follows a hashtag timeline (--tag), a search (--query; most instances ask for a
             --token with read:statuses) or the public timeline (--public, --local for the
             instance's own) over REST every 5 minutes, honouring X-RateLimit headers; --stream
             also follows the streaming API (tag and public) from the worker.
add bluesky  a search with app.bsky.feed.searchPosts (--query; default AppView
             https://public.api.bsky.app), or the Jetstream firehose (--keywords: posts with one
             of the words or #hashtags; default wss://jetstream2.us-east.bsky.network), followed by
             the worker and resumed from its cursor after a restart.
import-opml  adds every feed of an OPML file.
poll         polls a source now and says what it gave.
--type is the kind of outlet of every mention of the source: blog (feeds' default), news, forum,
microblog (Mastodon's and Bluesky's default), social, review or video.
Common options: --database URL, --json, -h/--help.`;

export const sourceCommand: Command = {
  name: 'source',
  summary: 'Add, list, pause and poll the sources Listen follows (feeds, Mastodon, Bluesky)',
  help: SOURCE_HELP,
  positionals: true,
  options: {
    workspace: { type: 'string' }, name: { type: 'string' }, type: { type: 'string' }, every: { type: 'string' }, 'allow-private': { type: 'boolean' },
    instance: { type: 'string' }, tag: { type: 'string' }, query: { type: 'string' }, public: { type: 'boolean' }, local: { type: 'boolean' }, token: { type: 'string' }, stream: { type: 'boolean' },
    keywords: { type: 'string' }, service: { type: 'string' }, endpoint: { type: 'string' },
  },
  async run({ values, positionals }, io) {
    const [action, arg] = positionals;
    const options = {
      ...(typeof values.type === 'string' ? { sourceType: choiceFlag(values.type, '--type', SOURCE_TYPES, 'blog') } : {}),
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
          const str = (v: string | boolean | undefined) => (typeof v === 'string' ? v : undefined);
          const name = str(values.name);
          if (arg === 'mastodon') {
            const mode = values.tag !== undefined ? 'tag' : values.query !== undefined ? 'search' : values.public ? 'public' : undefined;
            if (!mode) throw new RelaisError('RELAIS_CLI_USAGE', 'add mastodon takes --tag, --query or --public.', { hint: 'relais source add mastodon --instance mastodon.social --tag relais --workspace demo' });
            const source = await addMastodon(database.db, id, { instance: requiredFlag(values.instance, '--instance'), mode, tag: str(values.tag), query: str(values.query), local: Boolean(values.local), stream: Boolean(values.stream), token: str(values.token), name, options }, now);
            return print(source, `Added source ${source.id}: ${source.name} (polled every ${source.options.intervalMs / 60_000} min${source.options.stream ? ', streamed' : ''} by relais serve)`);
          }
          if (arg === 'bluesky') {
            const keywords = str(values.keywords)?.split(',').map((k) => k.trim()).filter(Boolean);
            if (!values.query && !keywords?.length) throw new RelaisError('RELAIS_CLI_USAGE', 'add bluesky takes --query (search) or --keywords (Jetstream).', { hint: 'relais source add bluesky --keywords "relais,#dsk" --workspace demo' });
            const source = await addBluesky(database.db, id, { mode: values.query ? 'search' : 'jetstream', query: str(values.query), keywords, service: str(values.service), endpoint: str(values.endpoint), token: str(values.token), name, options }, now);
            return print(source, `Added source ${source.id}: ${source.name}`);
          }
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
          return print(sources, sources.map((x) => `${String(x.id).padStart(4)}  ${x.status.padEnd(6)} ${x.kind.padEnd(8)} ${x.kind === 'feed' ? x.url : x.name}${x.lastPolledAt ? `  (last poll ${new Date(x.lastPolledAt).toISOString()})` : ''}${x.pausedReason ? `  (${x.pausedReason})` : x.lastError ? `  (last error: ${x.lastError})` : ''}`).join('\n') || 'No sources.');
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
