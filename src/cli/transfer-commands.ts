import fs from 'node:fs';
import readline from 'node:readline';
import { once } from 'node:events';
import { CAPABILITIES } from '../capabilities.ts';
import { RelaisError } from '../platform/errors.ts';
import { progressBar } from '../platform/progress.ts';
import { exportWorkspace, importWorkspace } from '../platform/transfer.ts';
import { requiredFlag, type Command } from '../platform/command.ts';

const TABLES = CAPABILITIES.flatMap((c) => c.transfer ?? []);

export const exportCommand: Command = {
  name: 'export',
  summary: "Write a workspace's data as NDJSON",
  help: `Usage: relais export --workspace SLUG [--out FILE] [--database URL] [--json]

Writes the workspace (accounts, mentions, topics, ties, articles, challenges…) as NDJSON, one
row a line, to FILE or standard output. \`relais import\` reads it back, on SQLite or PostgreSQL.`,
  options: { workspace: { type: 'string' }, out: { type: 'string' } },
  async run({ values }, io) {
    const slug = requiredFlag(values.workspace, '--workspace');
    const toFile = typeof values.out === 'string';
    const stream = toFile ? fs.createWriteStream(values.out as string, { flags: 'wx' }) : process.stdout;
    if (toFile) {
      await new Promise<void>((resolve, reject) => {
        (stream as fs.WriteStream).once('open', () => resolve());
        (stream as fs.WriteStream).once('error', (error: NodeJS.ErrnoException) =>
          reject(error.code === 'EEXIST' ? new RelaisError('RELAIS_CONFLICT', `${String(values.out)} exists already; it was not overwritten.`, { field: '--out' }) : error),
        );
      });
    }
    const bar = progressBar(process.stderr, { enabled: io.interactive && toFile });
    const write = async (line: string) => {
      if (!stream.write(line + '\n')) await once(stream, 'drain');
    };
    const counts = await io.withDatabase(values, (database) => exportWorkspace(database, TABLES, slug, write, (done, label) => bar.update(done, done, label)));
    bar.finish();
    if (toFile) {
      await new Promise((resolve) => (stream as fs.WriteStream).end(resolve));
      io.out(values.json ? JSON.stringify({ file: values.out, counts }) : `Exported ${slug} to ${String(values.out)}: ${JSON.stringify(counts)}`);
    }
  },
};

export const importCommand: Command = {
  name: 'import',
  summary: 'Create a workspace from an NDJSON export',
  help: `Usage: relais import FILE [--workspace SLUG] [--database URL] [--json]

Reads a file written by \`relais export\` and creates the workspace it holds (or SLUG). In one
transaction: a bad line is reported with its number and nothing is written. An existing
workspace is never overwritten.`,
  positionals: true,
  options: { workspace: { type: 'string' } },
  async run({ values, positionals }, io) {
    const file = requiredFlag(positionals[0], 'FILE', 'relais import export.ndjson');
    if (!fs.existsSync(file)) throw new RelaisError('RELAIS_NOT_FOUND', `No file ${file}.`, { field: 'FILE' });
    const bar = progressBar(process.stderr, { enabled: io.interactive && !values.json });
    const result = await io.withDatabase(values, (database) =>
      importWorkspace(database, TABLES, readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity }), {
        slug: typeof values.workspace === 'string' ? values.workspace : undefined,
        now: Date.now(),
        onProgress: (done, label) => bar.update(done, done, label),
      }),
    );
    bar.finish();
    io.out(values.json ? JSON.stringify(result) : `Imported workspace ${result.slug}: ${JSON.stringify(result.counts)}`);
  },
};
