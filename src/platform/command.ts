// What a sub-command of `relais` is, and how its arguments are parsed: strictly, so that an
// unknown flag is an error that names it.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { RelaisError } from './errors.ts';
import type { Database } from './db/connect.ts';

export type Options = NonNullable<ParseArgsConfig['options']>;

export interface CommandIo {
  out: (text: string) => void;
  err: (text: string) => void;
  env: NodeJS.ProcessEnv;
  /** True when standard error is a terminal: progress bars are drawn. */
  interactive: boolean;
}

export type FlagValues = Record<string, string | boolean | undefined>;

/** What a command gets besides its arguments: its I/O, and the database, opened on demand. */
export interface CommandContext extends CommandIo {
  /** Opens the database named by --database, RELAIS_DATABASE_URL or the default file, migrated; closes it after `work`. */
  withDatabase<T>(values: FlagValues, work: (database: Database) => Promise<T>): Promise<T>;
}

export interface Command {
  name: string;
  summary: string;
  /** The whole `--help` text. */
  help: string;
  options: Options;
  /** Whether the command takes positional arguments (e.g. `user add`, `import FILE`). */
  positionals?: boolean;
  run(args: { values: FlagValues; positionals: string[] }, io: CommandContext): Promise<number | void>;
}

export const COMMON_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  json: { type: 'boolean' },
  database: { type: 'string' },
} as const satisfies Options;

export function parseCommandArgs(command: Command, argv: string[]) {
  try {
    const parsed = parseArgs({ args: argv, options: { ...COMMON_OPTIONS, ...command.options }, allowPositionals: command.positionals ?? false, strict: true });
    return { values: parsed.values as Record<string, string | boolean | undefined>, positionals: parsed.positionals };
  } catch (error) {
    const message = (error as Error).message.replace(/\. To specify a positional argument.*$/s, '.');
    throw new RelaisError('RELAIS_CLI_USAGE', message, { hint: `see \`relais ${command.name} --help\`` });
  }
}

/** A flag that must be a whole number in a range. */
export function intFlag(value: string | boolean | undefined, flag: string, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (typeof value !== 'string' || !/^-?\d+$/.test(value) || n < min || n > max) {
    throw new RelaisError('RELAIS_CLI_USAGE', `${flag} takes a whole number from ${min} to ${max}, not "${String(value)}".`, { field: flag });
  }
  return n;
}

export function choiceFlag<T extends string>(value: string | boolean | undefined, flag: string, choices: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || !choices.includes(value as T)) {
    throw new RelaisError('RELAIS_CLI_USAGE', `${flag} takes one of ${choices.join(', ')}, not "${String(value)}".`, { field: flag });
  }
  return value as T;
}

export function requiredFlag(value: string | boolean | undefined, flag: string, hint?: string): string {
  if (typeof value !== 'string' || value === '') throw new RelaisError('RELAIS_CLI_USAGE', `${flag} is required.`, { field: flag, ...(hint ? { hint } : {}) });
  return value;
}
