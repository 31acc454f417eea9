// Candidate pools: the accounts a campaign may ask (employees, ambassadors, bloggers, a list),
// minus excluded ones, and how accounts are named in requests ("@handle", "network:handle" or
// "#id"). Pure: it reads a SpreadWorld.
import { RelaisError } from '../platform/errors.ts';
import type { SpreadAccount, SpreadWorld } from './world.ts';

export const POOL_KINDS = ['all', 'employees', 'ambassadors', 'bloggers', 'list'] as const;
export type PoolKind = (typeof POOL_KINDS)[number];

/** Which accounts may be seeds. */
export interface PoolSpec {
  pool: PoolKind;
  /** With pool 'list': the accounts. */
  accounts?: readonly string[];
  /** Never seeds. */
  exclude?: readonly string[];
}

const MEMBERS: Record<Exclude<PoolKind, 'list'>, (a: SpreadAccount) => boolean> = {
  all: () => true,
  employees: (a) => a.affiliation === 'employee',
  ambassadors: (a) => a.affiliation === 'ambassador',
  // People who write a blog: accounts with a mention from a blog, organisations and media aside.
  bloggers: (a) => a.blogger && a.kind === 'person',
};

/** A lookup from the ways a request names an account to node indices. */
export function accountIndex(world: SpreadWorld): (name: string) => number[] {
  const byHandle = new Map<string, number[]>(), byId = new Map<number, number>();
  world.accounts.forEach((a, i) => {
    byId.set(a.id, i);
    for (const key of [a.handle.toLowerCase(), `${a.network}:${a.handle}`.toLowerCase()]) {
      const list = byHandle.get(key) ?? [];
      list.push(i);
      byHandle.set(key, list);
    }
  });
  return (name) => {
    const text = name.trim();
    if (/^#\d+$/.test(text)) { const i = byId.get(Number(text.slice(1))); return i === undefined ? [] : [i]; }
    const key = text.replace(/^@/, '').toLowerCase();
    return byHandle.get(key) ?? byHandle.get(`@${key}`) ?? [];
  };
}

/** Node indices of named accounts; an unknown or ambiguous name is an error naming it. */
export function resolveAccounts(world: SpreadWorld, names: readonly string[], field: string): number[] {
  const find = accountIndex(world);
  const out: number[] = [];
  const seen = new Set<number>();
  names.forEach((name, position) => {
    const found = find(name);
    if (found.length === 0) throw new RelaisError('RELAIS_SPREAD_INVALID', `No account "${name}" in this workspace's graph.`, { field: `${field}.${position}`, hint: 'name accounts as @handle, network:handle or #id' });
    if (found.length > 1) throw new RelaisError('RELAIS_SPREAD_INVALID', `"${name}" names ${found.length} accounts (one per network).`, { field: `${field}.${position}`, hint: 'write network:handle' });
    if (!seen.has(found[0]!)) { seen.add(found[0]!); out.push(found[0]!); }
  });
  return out;
}

/** The pool's node indices, exclusions removed, in index order. An empty pool is RELAIS_SPREAD_POOL_EMPTY. */
export function resolvePool(world: SpreadWorld, spec: PoolSpec, options: { allowEmpty?: boolean } = {}): { candidates: Int32Array; excluded: Int32Array } {
  const excluded = Int32Array.from(resolveAccounts(world, spec.exclude ?? [], 'exclude'));
  const out = new Set<number>();
  if (spec.pool === 'list') {
    if (!spec.accounts || spec.accounts.length === 0) throw new RelaisError('RELAIS_SPREAD_POOL_EMPTY', 'A list pool needs at least one account.', { field: 'accounts' });
    for (const i of resolveAccounts(world, spec.accounts, 'accounts')) out.add(i);
  } else {
    const member = MEMBERS[spec.pool];
    if (!member) throw new RelaisError('RELAIS_SPREAD_INVALID', `Unknown pool "${String(spec.pool)}".`, { field: 'pool', hint: `one of ${POOL_KINDS.join(', ')}` });
    world.accounts.forEach((a, i) => { if (member(a)) out.add(i); });
  }
  for (const e of excluded) out.delete(e);
  if (out.size === 0 && !options.allowEmpty) {
    throw new RelaisError('RELAIS_SPREAD_POOL_EMPTY', spec.pool === 'list' || (spec.exclude?.length ?? 0) > 0
      ? 'The candidate pool is empty once the excluded accounts are removed.'
      : `This workspace has no ${spec.pool} in its graph.`, { field: 'pool' });
  }
  return { candidates: Int32Array.from([...out].sort((a, b) => a - b)), excluded };
}

/** How many accounts each pool holds, for the planner's choices. */
export function poolSizes(world: SpreadWorld): Record<Exclude<PoolKind, 'list'>, number> {
  const sizes = { all: 0, employees: 0, ambassadors: 0, bloggers: 0 };
  for (const a of world.accounts) for (const kind of ['all', 'employees', 'ambassadors', 'bloggers'] as const) if (MEMBERS[kind](a)) sizes[kind]++;
  return sizes;
}
