// The environment is read here, once, at start; everything else receives a Config.
import path from 'node:path';
import { RelaisError } from './errors.ts';

export type Role = 'web' | 'worker' | 'scheduler';
export const ALL_ROLES: readonly Role[] = ['web', 'worker', 'scheduler'];

export interface Config {
  /** Folder of the SQLite file and other local state (default ./relais-data). */
  dataDir: string;
  /** `sqlite:<file>` or `postgres://…`. */
  databaseUrl: string;
  port: number;
  host: string;
  logLevel: string;
  /** Origin the app is reached at, for links and cookies' `Secure` flag. */
  publicUrl: string;
  roles: Role[];
  /** Demo mode shows the demo users on the login page. */
  demo: boolean;
  /** Folder of the built web app. */
  webDist: string;
}

export interface ConfigOverrides {
  port?: string | undefined;
  host?: string | undefined;
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  roles?: string | undefined;
  demo?: boolean | undefined;
}

const ROOT = path.resolve(import.meta.dirname, '..', '..');

export function parsePort(value: string, field: string): number {
  const port = Number(value);
  // 0 asks the system for a free port (tests, benchmarks).
  if (!/^\d+$/.test(value) || port > 65535) {
    throw new RelaisError('RELAIS_CONFIG_INVALID', `The port must be a whole number from 0 to 65535, not "${value}".`, {
      field,
    });
  }
  return port;
}

export function parseRoles(value: string, field: string): Role[] {
  const roles = value
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean);
  for (const role of roles) {
    if (!ALL_ROLES.includes(role as Role)) {
      throw new RelaisError('RELAIS_CONFIG_INVALID', `Unknown process role "${role}".`, {
        field,
        hint: `use a comma-separated list of ${ALL_ROLES.join(', ')}`,
      });
    }
  }
  if (roles.length === 0) throw new RelaisError('RELAIS_CONFIG_INVALID', 'No process role given.', { field });
  return roles as Role[];
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: ConfigOverrides = {}): Config {
  const dataDir = path.resolve(overrides.dataDir ?? env.RELAIS_DATA_DIR ?? 'relais-data');
  const databaseUrl =
    overrides.databaseUrl ?? env.RELAIS_DATABASE_URL ?? `sqlite:${path.join(dataDir, 'relais.db')}`;
  const port = overrides.port
    ? parsePort(overrides.port, '--port')
    : env.RELAIS_PORT
      ? parsePort(env.RELAIS_PORT, 'RELAIS_PORT')
      : 4321;
  const host = overrides.host ?? env.RELAIS_HOST ?? '127.0.0.1';
  const roles = overrides.roles
    ? parseRoles(overrides.roles, '--roles')
    : env.RELAIS_ROLES
      ? parseRoles(env.RELAIS_ROLES, 'RELAIS_ROLES')
      : [...ALL_ROLES];
  return {
    dataDir,
    databaseUrl,
    port,
    host,
    logLevel: env.RELAIS_LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'silent' : 'info'),
    publicUrl: env.RELAIS_PUBLIC_URL ?? `http://localhost:${port}`,
    roles,
    demo: overrides.demo ?? env.RELAIS_DEMO !== '0',
    webDist: path.resolve(env.RELAIS_WEB_DIST ?? path.join(ROOT, 'web', 'dist')),
  };
}
