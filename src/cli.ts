// The `relais` command: hands each sub-command to its module. Exit codes: 0 done, 1 the user's
// mistake (a one-line message says what and what to do), 2 an internal error.
import { demoCommand } from './cli/demo-command.ts';
import { migrateCommand } from './cli/migrate-command.ts';
import { serveCommand } from './cli/serve-command.ts';
import { exportCommand, importCommand } from './cli/transfer-commands.ts';
import { userCommand } from './cli/user-command.ts';
import { parseCommandArgs, type Command, type CommandContext, type CommandIo } from './platform/command.ts';
import { withDatabase } from './cli/database.ts';
import { RelaisError } from './platform/errors.ts';
import { CAPABILITIES } from './capabilities.ts';
import { VERSION } from './version.ts';

export const COMMANDS: readonly Command[] = [
  serveCommand,
  migrateCommand,
  demoCommand,
  userCommand,
  importCommand,
  exportCommand,
  ...CAPABILITIES.flatMap((capability) => capability.commands ?? []),
];

export function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return `relais ${VERSION} — social influence and community management, self-hosted.

Usage: relais <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

Every command takes --help; commands that print data take --json.
The database is ./relais-data/relais.db (SQLite) unless --database or RELAIS_DATABASE_URL
names another (sqlite:<file> or postgres://user@host:5432/db).`;
}

export async function main(argv: string[], io: CommandIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(mainHelp());
    return name === undefined ? 1 : 0;
  }
  if (name === '--version' || name === '-v') {
    io.out(VERSION);
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  try {
    if (!command) throw new RelaisError('RELAIS_CLI_USAGE', `Unknown command "${name}".`, { hint: 'see `relais --help`' });
    const args = parseCommandArgs(command, rest);
    if (args.values.help) {
      io.out(command.help);
      return 0;
    }
    const context: CommandContext = { ...io, withDatabase: (values, work) => withDatabase(values, io.env, work) };
    return (await command.run(args, context)) ?? 0;
  } catch (error) {
    if (error instanceof RelaisError && error.userError) {
      if (argv.includes('--json')) io.err(JSON.stringify(error.toJSON()));
      else io.err(`relais: ${error.toLine()}`);
      return 1;
    }
    io.err(`relais: internal error: ${error instanceof Error ? error.message : String(error)}`);
    if (io.env.RELAIS_DEBUG) io.err(error instanceof Error ? (error.stack ?? '') : '');
    else io.err('  (set RELAIS_DEBUG=1 to see where; please report it)');
    return 2;
  }
}
