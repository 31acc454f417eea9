// Engage's commands: `relais inbox list|assign|resolve|file` and `relais rota show|add|off|gaps`.
import { findUserByEmail, findWorkspace } from '../platform/auth/store.ts';
import { choiceFlag, intFlag, requiredFlag, type Command, type FlagValues } from '../platform/command.ts';
import type { PlatformTables } from '../platform/db/schema.ts';
import { RelaisError } from '../platform/errors.ts';
import type { Kysely } from 'kysely';
import { fileMentions } from './file.ts';
import { changeConversations, listConversations, STATUSES, type Status } from './inbox.ts';
import { clock, coverageGaps, parseClock, whoIsOn } from './rota.ts';
import { addException, addShift, listExceptions, listShifts } from './store.ts';

async function workspaceOf(db: Kysely<PlatformTables>, values: FlagValues): Promise<number> {
  const slug = requiredFlag(values.workspace, '--workspace', 'the workspace slug, e.g. --workspace demo');
  const workspace = await findWorkspace(db, slug);
  if (!workspace) throw new RelaisError('RELAIS_NOT_FOUND', `No workspace ${slug}.`, { field: '--workspace' });
  return workspace.id;
}

async function userOf(db: Kysely<PlatformTables>, email: string, field: string): Promise<{ id: number; name: string }> {
  const user = await findUserByEmail(db, email);
  if (!user) throw new RelaisError('RELAIS_NOT_FOUND', `No user with the email ${email}.`, { field });
  return { id: user.id, name: user.name };
}

function ids(positionals: string[], verb: string): number[] {
  if (positionals.length === 0) throw new RelaisError('RELAIS_CLI_USAGE', `inbox ${verb} takes one or more conversation IDs.`, { field: 'ID' });
  return positionals.map((p, i) => {
    const n = Number(p);
    if (!Number.isInteger(n) || n <= 0) throw new RelaisError('RELAIS_CLI_USAGE', `"${p}" (argument ${i + 2}) is not a conversation ID.`, { field: 'ID', position: i + 2 });
    return n;
  });
}

const minutesAgo = (ms: number) => (Math.abs(ms) < 3_600_000 ? `${Math.round(ms / 60_000)} min` : `${(ms / 3_600_000).toFixed(1)} h`);

export const inboxCommand: Command = {
  name: 'inbox',
  summary: 'The shared inbox: list, assign, resolve conversations',
  help: `Usage:
  relais inbox list --workspace SLUG [--status new|assigned|waiting|resolved] [--assignee EMAIL|none]
                    [--network N] [--lang L] [--sentiment S] [--q WORDS] [--breached] [--limit N] [--json]
  relais inbox assign ID [ID…] --to EMAIL --workspace SLUG
  relais inbox resolve ID [ID…] --workspace SLUG
  relais inbox file --workspace SLUG

list      open conversations (not resolved, not snoozed) newest activity first, with why each
          needs a human, its assignee and its first-response timer (late ones marked LATE).
assign    gives conversations to a member (manual reassignment; logged).
resolve   closes them; a new message from the customer reopens one.
file      files the mentions stored since the last run now (a running \`relais serve\` does it
          every minute).
Common options: --database URL, --json, -h/--help.`,
  positionals: true,
  options: { workspace: { type: 'string' }, status: { type: 'string' }, assignee: { type: 'string' }, network: { type: 'string' }, lang: { type: 'string' }, sentiment: { type: 'string' }, q: { type: 'string' }, breached: { type: 'boolean' }, limit: { type: 'string' }, to: { type: 'string' } },
  async run({ values, positionals }, io) {
    const [action, ...rest] = positionals;
    const now = Date.now();
    if (action === 'list') {
      const status = values.status === undefined ? undefined : choiceFlag(values.status, '--status', STATUSES, 'new');
      const limit = intFlag(values.limit, '--limit', 50, 1, 200);
      const page = await io.withDatabase(values, async (database) => {
        const ws = await workspaceOf(database.db, values);
        const assignee = values.assignee === 'none' ? 'none' as const : typeof values.assignee === 'string' ? (await userOf(database.db, values.assignee, '--assignee')).id : undefined;
        return listConversations(database.db, database.dialect, ws, { status: status as Status | undefined, assignee, network: values.network as string | undefined, lang: values.lang as string | undefined, sentiment: values.sentiment as string | undefined, q: values.q as string | undefined, breached: values.breached === true, limit }, now);
      });
      if (values.json) return void io.out(JSON.stringify(page.conversations));
      if (page.conversations.length === 0) return void io.out('No conversation.');
      for (const c of page.conversations) {
        const timer = c.firstResponseAt !== null ? 'answered' : c.breached ? `LATE ${minutesAgo(now - c.firstResponseDueAt)}` : `due in ${minutesAgo(c.firstResponseDueAt - now)}`;
        io.out(`${String(c.id).padStart(6)}  ${c.status.padEnd(8)} ${c.priority.padEnd(6)} ${(c.assigneeName ?? '—').padEnd(14)} ${timer.padEnd(16)} ${c.network}:${c.author.handle ?? '?'}  [${c.reasons.join(',')}]  ${c.text.replace(/\s+/g, ' ').slice(0, 60)}`);
      }
      return;
    }
    if (action === 'assign' || action === 'resolve') {
      const list = ids(rest, action);
      const changed = await io.withDatabase(values, async (database) => {
        const ws = await workspaceOf(database.db, values);
        if (action === 'assign') {
          const user = await userOf(database.db, requiredFlag(values.to, '--to', 'the email of the member, e.g. --to anne@acme.test'), '--to');
          return changeConversations(database.db, ws, list, { assigneeId: user.id }, null, now);
        }
        return changeConversations(database.db, ws, list, { status: 'resolved' }, null, now);
      });
      io.out(values.json ? JSON.stringify({ changed }) : `${changed} conversation${changed === 1 ? '' : 's'} ${action === 'assign' ? `assigned to ${String(values.to)}` : 'resolved'}.`);
      return;
    }
    if (action === 'file') {
      const result = await io.withDatabase(values, async (database) => fileMentions(database.db, await workspaceOf(database.db, values), now));
      io.out(values.json ? JSON.stringify(result) : `${result.seen} mentions read: ${result.opened} new conversations (${result.assigned} assigned), ${result.threaded} threaded into existing ones.`);
      return;
    }
    throw new RelaisError('RELAIS_CLI_USAGE', action ? `Unknown action "${action}".` : 'inbox takes an action.', { hint: 'relais inbox list|assign|resolve|file; see relais inbox --help' });
  },
};

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

function minuteFlag(value: string | boolean | undefined, flag: string): number {
  const text = requiredFlag(value, flag, 'a time HH:MM, e.g. 09:00');
  const minute = parseClock(text);
  if (minute === null) throw new RelaisError('RELAIS_CLI_USAGE', `${flag} takes a time HH:MM from 00:00 to 24:00, not "${text}".`, { field: flag });
  return minute;
}

export const rotaCommand: Command = {
  name: 'rota',
  summary: 'The on-duty rota: show it, add shifts and days off, find coverage gaps',
  help: `Usage:
  relais rota show --workspace SLUG [--json]
  relais rota add EMAIL --day mon|tue|wed|thu|fri|sat|sun --start HH:MM --end HH:MM [--on-call] [--tz ZONE] --workspace SLUG
  relais rota off EMAIL --date YYYY-MM-DD [--tz ZONE] --workspace SLUG
  relais rota gaps --workspace SLUG [--days N] [--json]

add    a weekly shift (read in --tz, default Europe/Paris); --on-call makes it an on-call shift:
       conversations arriving while nobody is on duty go to whoever is on call.
off    a date off for a member (their shifts that day do not count).
gaps   the stretches of the next N days (default 7) with nobody on duty, and who is on call then.
Common options: --database URL, --json, -h/--help.`,
  positionals: true,
  options: { workspace: { type: 'string' }, day: { type: 'string' }, start: { type: 'string' }, end: { type: 'string' }, 'on-call': { type: 'boolean' }, tz: { type: 'string' }, date: { type: 'string' }, days: { type: 'string' } },
  async run({ values, positionals }, io) {
    const [action, email] = positionals;
    const tz = typeof values.tz === 'string' ? values.tz : 'Europe/Paris';
    const now = Date.now();
    if (action === 'add' || action === 'off') {
      if (!email) throw new RelaisError('RELAIS_CLI_USAGE', `rota ${action} takes the member's EMAIL.`, { field: 'EMAIL' });
      const row = await io.withDatabase(values, async (database) => {
        const ws = await workspaceOf(database.db, values);
        const user = await userOf(database.db, email, 'EMAIL');
        if (action === 'add') {
          const day = choiceFlag(requiredFlag(values.day, '--day'), '--day', DAYS, 'mon');
          return addShift(database.db, ws, { userId: user.id, kind: values['on-call'] ? 'on-call' : 'duty', weekday: DAYS.indexOf(day) + 1, startMinute: minuteFlag(values.start, '--start'), endMinute: minuteFlag(values.end, '--end'), timeZone: tz }, now);
        }
        return addException(database.db, ws, { userId: user.id, date: requiredFlag(values.date, '--date', 'YYYY-MM-DD'), kind: 'off', startMinute: null, endMinute: null, timeZone: tz }, now);
      });
      io.out(values.json ? JSON.stringify(row) : action === 'add' ? `Shift ${row.id} added for ${email}.` : `${email} is off on ${String(values.date)}.`);
      return;
    }
    if (action === 'show' || action === 'gaps') {
      const days = intFlag(values.days, '--days', 7, 1, 28);
      const data = await io.withDatabase(values, async (database) => {
        const ws = await workspaceOf(database.db, values);
        const [shifts, exceptions] = [await listShifts(database.db, ws), await listExceptions(database.db, ws)];
        const names = new Map((await database.db.selectFrom('users').select(['id', 'email']).execute()).map((u) => [Number(u.id), u.email]));
        return { shifts, exceptions, names, gaps: coverageGaps(now, shifts, exceptions, days), on: whoIsOn(now, shifts, exceptions) };
      });
      const who = (id: number) => data.names.get(id) ?? `user ${id}`;
      if (action === 'gaps') {
        if (values.json) return void io.out(JSON.stringify(data.gaps));
        if (data.gaps.length === 0) return void io.out(`Covered: somebody is on duty at every moment of the next ${days} days.`);
        for (const g of data.gaps) io.out(`GAP ${new Date(g.from).toISOString().slice(0, 16)} → ${new Date(g.to).toISOString().slice(0, 16)} UTC  ${g.onCall.length ? `on call: ${g.onCall.map(who).join(', ')}` : 'nobody on call either'}`);
        return;
      }
      if (values.json) return void io.out(JSON.stringify({ shifts: data.shifts, exceptions: data.exceptions, gaps: data.gaps }));
      for (const s of data.shifts) io.out(`${String(s.id).padStart(4)}  ${DAYS[s.weekday - 1]} ${clock(s.startMinute)}–${clock(s.endMinute)} ${s.timeZone.padEnd(16)} ${s.kind.padEnd(8)} ${who(s.userId)}`);
      for (const e of data.exceptions) io.out(`      ${e.date} ${e.kind === 'off' ? 'off' : `on ${clock(e.startMinute!)}–${clock(e.endMinute!)}`}  ${who(e.userId)}`);
      io.out(`Now on duty: ${data.on.duty.map(who).join(', ') || 'nobody'}; on call: ${data.on.onCall.map(who).join(', ') || 'nobody'}. ${data.gaps.length} gap(s) in the next ${days} days.`);
      return;
    }
    throw new RelaisError('RELAIS_CLI_USAGE', action ? `Unknown action "${action}".` : 'rota takes an action.', { hint: 'relais rota show|add|off|gaps; see relais rota --help' });
  },
};
