// The contract each capability (listen, map, spread, publish, engage, reward) fulfils so that
// app.ts and cli.ts can assemble them without knowing what is inside.
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Dialect } from './db/connect.ts';
import type { Migration } from './db/migrations.ts';
import type { PlatformTables } from './db/schema.ts';
import type { EventBus } from './events.ts';
import type { Api } from './http/api.ts';
import type { Command } from './command.ts';
import type { JobQueue } from './jobs/queue.ts';

export const CAPABILITY_NAMES = ['listen', 'map', 'spread', 'publish', 'engage', 'reward'] as const;
export type CapabilityName = (typeof CAPABILITY_NAMES)[number];

export interface CapabilityContext {
  api: Api;
  db: Kysely<PlatformTables>;
  dialect: Dialect;
  events: EventBus;
  jobs: JobQueue;
  log: Logger;
  now(): number;
  /** The address users reach relais at (RELAIS_PUBLIC_URL), for links relais makes. */
  publicUrl: string;
}

/** A table whose rows belong to a workspace, for `relais export` and `relais import`. */
export interface TransferTable {
  table: string;
  /** True when the table has an auto-incremented `id` that other tables reference. */
  hasId: boolean;
  /** Columns that order and identify rows, when the table has no `id` (export pages by it). */
  key?: readonly string[];
  /** Columns holding ids of rows of other transferred tables: column → table. */
  refs?: Record<string, string>;
  /** Columns naming install-wide rows (users): emptied on import, since another install has other users. */
  clear?: readonly string[];
}

export interface Capability {
  name: CapabilityName;
  /** 'coming' until the capability's issue lands (the web app shows an honest page), 'preview' while part of it works. */
  status: 'coming' | 'preview' | 'ready';
  migrations: readonly Migration[];
  /** Declares routes on ctx.api and job handlers on ctx.jobs. */
  register?(ctx: CapabilityContext): void;
  /** Runs once the job runner works (every process role): e.g. enqueue work left pending. */
  start?(ctx: CapabilityContext): Promise<void>;
  /** Runs when the process stops, before the job runner does: end long-lived work (a stream) so its job returns at once. */
  stop?(ctx: CapabilityContext): Promise<void>;
  /** Counts shown on a workspace's overview page. */
  overview?(db: Kysely<PlatformTables>, workspaceId: number): Promise<Record<string, number>>;
  /** Sub-commands of `relais` this capability adds (e.g. `topic`, `ingest`). */
  commands?: readonly Command[];
  /** Workspace tables, in the order they must be imported (referenced tables first). */
  transfer?: readonly TransferTable[];
}
