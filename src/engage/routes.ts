// Engage's HTTP routes: the inbox (list, one conversation, bulk changes, notes, replies), saved
// replies, assignment rules and teams, the rota and its gaps, SLA targets and the team's load.
import { createRoute, z } from '@hono/zod-openapi';
import type { CapabilityContext } from '../platform/capability.ts';
import { ErrorSchema, jsonBody, jsonResponse, WorkspaceParam } from '../platform/http/schemas.ts';
import { addNote, changeConversations, findConversation, listConversations, reply, STATUSES, teamLoad, timeline } from './inbox.ts';
import { coverageGaps, whoIsOn } from './rota.ts';
import { addException, addRule, addSavedReply, addShift, deleteRotaEntry, deleteRule, listExceptions, listRules, listSavedReplies, listShifts, setSlaTarget, setTeam, slaTargets, teamsOf } from './store.ts';
import { PRIORITIES } from './triage.ts';
import { enqueueTargets } from '../publish/scheduler/jobs.ts';

const IdParam = WorkspaceParam.extend({ id: z.coerce.number().int().positive().openapi({ param: { name: 'id', in: 'path' } }) });
const Author = z.object({ id: z.number().nullable(), handle: z.string().nullable(), displayName: z.string().nullable(), followers: z.number() });
export const ConversationSchema = z.object({
  id: z.number(), status: z.string(), priority: z.string(), reasons: z.array(z.string()), network: z.string(), lang: z.string().nullable(), sentiment: z.string().nullable(), topics: z.array(z.number()),
  assigneeId: z.number().nullable(), assigneeName: z.string().nullable(), team: z.string().nullable(), assignedBy: z.string().nullable(), snoozedUntil: z.number().nullable(),
  author: Author, text: z.string(), url: z.string().nullable(), lastMentionAt: z.number(), mentions: z.number(),
  firstResponseDueAt: z.number(), firstResponseAt: z.number().nullable(), breached: z.boolean(), resolvedAt: z.number().nullable(), createdAt: z.number(),
}).openapi('Conversation');
const TimelineItemSchema = z.object({
  kind: z.enum(['mention', 'reply', 'note', 'event']), at: z.number(), id: z.number(), text: z.string(), userName: z.string().nullable(),
  author: z.object({ handle: z.string().nullable(), displayName: z.string().nullable() }).optional(), url: z.string().nullable().optional(),
  delivery: z.object({ postId: z.number(), channelName: z.string(), status: z.string(), lastError: z.string().nullable(), remoteUrl: z.string().nullable() }).nullable().optional(),
});
const ShiftSchema = z.object({ id: z.number(), userId: z.number(), kind: z.enum(['duty', 'on-call']), weekday: z.number(), startMinute: z.number(), endMinute: z.number(), timeZone: z.string() });
const ExceptionSchema = z.object({ id: z.number(), userId: z.number(), date: z.string(), kind: z.enum(['off', 'on']), startMinute: z.number().nullable(), endMinute: z.number().nullable(), timeZone: z.string() });
const RuleConditionsSchema = z.object({ topicId: z.number().int().positive().optional(), network: z.string().max(40).optional(), lang: z.string().max(10).optional(), keywords: z.array(z.string().min(1).max(100)).max(50).optional(), sentiment: z.enum(['positive', 'neutral', 'negative']).optional() });
const RuleSchema = z.object({ id: z.number(), conditions: RuleConditionsSchema, userId: z.number().nullable(), team: z.string().nullable(), priority: z.string().nullable() });
const Ok = (n: string) => jsonResponse(z.object({ changed: z.number() }), n);

export function registerEngageRoutes(ctx: CapabilityContext): void {
  const { api } = ctx;
  const actor = (c: { get(key: 'actor'): { user: { id: number } } | undefined }) => c.get('actor')?.user.id ?? null;
  const tags = ['engage'];

  api.route('viewer', createRoute({
    method: 'get', path: '/api/v1/w/{workspace}/inbox', tags, summary: 'Open conversations that need a human, newest activity first, with filters and search',
    description: 'Resolved and snoozed conversations are left out unless asked for (status=resolved, includeSnoozed=true). Pages with `before` (the `next` cursor).',
    request: {
      params: WorkspaceParam,
      query: z.object({
        status: z.enum(STATUSES).optional(), assignee: z.union([z.literal('none'), z.coerce.number().int().positive()]).optional(), topic: z.coerce.number().int().positive().optional(),
        network: z.string().max(40).optional(), lang: z.string().max(10).optional(), sentiment: z.enum(['positive', 'neutral', 'negative']).optional(), priority: z.enum(PRIORITIES as [string, ...string[]]).optional(),
        q: z.string().max(500).optional(), breached: z.enum(['true', 'false']).optional(), includeSnoozed: z.enum(['true', 'false']).optional(),
        before: z.string().regex(/^\d+:\d+$/).optional(), limit: z.coerce.number().int().min(1).max(200).default(50),
      }),
    },
    responses: { 200: jsonResponse(z.object({ conversations: z.array(ConversationSchema), next: z.string().nullable() }), 'A page of conversations') },
  }), async (c) => {
    const q = c.req.valid('query');
    const page = await listConversations(ctx.db, ctx.dialect, c.get('workspace')!.id, { ...q, breached: q.breached === 'true', includeSnoozed: q.includeSnoozed === 'true', status: q.status }, ctx.now());
    return c.json(page, 200);
  });

  api.route('viewer', createRoute({
    method: 'get', path: '/api/v1/w/{workspace}/inbox/{id}', tags, summary: 'One conversation and its timeline: mentions, replies with their delivery, notes, events',
    request: { params: IdParam }, responses: { 200: jsonResponse(z.object({ conversation: ConversationSchema, timeline: z.array(TimelineItemSchema) }), 'The conversation'), 404: jsonResponse(ErrorSchema, 'No such conversation') },
  }), async (c) => {
    const ws = c.get('workspace')!.id;
    const { id } = c.req.valid('param');
    return c.json({ conversation: await findConversation(ctx.db, ws, id, ctx.now()), timeline: await timeline(ctx.db, ws, id) }, 200);
  });

  api.route('manager', createRoute({
    method: 'post', path: '/api/v1/w/{workspace}/inbox/bulk', tags, summary: 'Assign, change the status of, or snooze several conversations at once (all or none)',
    request: { params: WorkspaceParam, body: jsonBody(z.object({ ids: z.array(z.number().int().positive()).min(1).max(1000), status: z.enum(STATUSES).optional(), assigneeId: z.number().int().positive().nullable().optional(), snoozedUntil: z.number().int().nullable().optional() })) },
    responses: { 200: Ok('Changed'), 400: jsonResponse(ErrorSchema, 'Nothing to change, or a bad assignee'), 404: jsonResponse(ErrorSchema, 'A conversation is not in this workspace') },
  }), async (c) => {
    const { ids, ...change } = c.req.valid('json');
    return c.json({ changed: await changeConversations(ctx.db, c.get('workspace')!.id, ids, change, actor(c), ctx.now()) }, 200);
  });

  api.route('manager', createRoute({
    method: 'post', path: '/api/v1/w/{workspace}/inbox/{id}/notes', tags, summary: 'An internal note on a conversation (never sent)',
    request: { params: IdParam, body: jsonBody(z.object({ text: z.string().max(10_000) })) }, responses: { 201: jsonResponse(z.object({ id: z.number() }), 'Noted'), 400: jsonResponse(ErrorSchema, 'Empty') },
  }), async (c) => c.json({ id: await addNote(ctx.db, c.get('workspace')!.id, c.req.valid('param').id, c.req.valid('json').text, actor(c), ctx.now()) }, 201));

  api.route('manager', createRoute({
    method: 'post', path: '/api/v1/w/{workspace}/inbox/{id}/replies', tags, summary: 'Reply through Publish on the conversation\'s network (sent now by the worker); variables {firstName}, {name}, {handle}',
    request: { params: IdParam, body: jsonBody(z.object({ text: z.string().max(10_000).default(''), channelId: z.number().int().positive().optional(), savedReplyId: z.number().int().positive().optional() })) },
    responses: { 201: jsonResponse(z.object({ messageId: z.number(), postId: z.number(), text: z.string() }), 'Queued for sending'), 400: jsonResponse(ErrorSchema, 'Empty, too long for the network, or no channel') },
  }), async (c) => {
    const { targets, dueAt, ...result } = await reply(ctx.db, c.get('workspace')!.id, c.req.valid('param').id, c.req.valid('json'), actor(c), ctx.now());
    await enqueueTargets(ctx, targets, dueAt);
    return c.json(result, 201);
  });

  api.route('viewer', createRoute({ method: 'get', path: '/api/v1/w/{workspace}/inbox-team', tags, summary: 'Everyone\'s open load, who is on duty and on call now', request: { params: WorkspaceParam },
    responses: { 200: jsonResponse(z.object({ load: z.array(z.object({ userId: z.number(), name: z.string(), open: z.number(), new: z.number(), assigned: z.number(), waiting: z.number(), breached: z.number() })), onDuty: z.array(z.number()), onCall: z.array(z.number()), teams: z.record(z.string(), z.array(z.number())) }), 'The team') } }),
  async (c) => {
    const ws = c.get('workspace')!.id;
    const on = whoIsOn(ctx.now(), await listShifts(ctx.db, ws), await listExceptions(ctx.db, ws));
    return c.json({ load: await teamLoad(ctx.db, ws, ctx.now()), onDuty: on.duty, onCall: on.onCall, teams: Object.fromEntries(await teamsOf(ctx.db, ws)) }, 200);
  });

  api.route('manager', createRoute({ method: 'put', path: '/api/v1/w/{workspace}/teams/{team}', tags, summary: 'Set a team\'s members', request: { params: WorkspaceParam.extend({ team: z.string().min(1).max(100).openapi({ param: { name: 'team', in: 'path' } }) }), body: jsonBody(z.object({ userIds: z.array(z.number().int().positive()).max(500) })) },
    responses: { 200: Ok('Set'), 400: jsonResponse(ErrorSchema, 'Not a member') } }),
  async (c) => {
    const { userIds } = c.req.valid('json');
    await setTeam(ctx.db, c.get('workspace')!.id, c.req.valid('param').team, userIds);
    return c.json({ changed: userIds.length }, 200);
  });

  api.route('viewer', createRoute({ method: 'get', path: '/api/v1/w/{workspace}/saved-replies', tags, summary: 'Saved replies', request: { params: WorkspaceParam }, responses: { 200: jsonResponse(z.object({ savedReplies: z.array(z.object({ id: z.number(), name: z.string(), text: z.string() })) }), 'Saved replies') } }),
    async (c) => c.json({ savedReplies: await listSavedReplies(ctx.db, c.get('workspace')!.id) }, 200));
  api.route('manager', createRoute({ method: 'post', path: '/api/v1/w/{workspace}/saved-replies', tags, summary: 'Save a reply; {firstName}, {name}, {handle} are filled from the author', request: { params: WorkspaceParam, body: jsonBody(z.object({ name: z.string().max(200), text: z.string().max(10_000) })) },
    responses: { 201: jsonResponse(z.object({ id: z.number(), name: z.string(), text: z.string() }), 'Saved'), 409: jsonResponse(ErrorSchema, 'Name taken') } }),
  async (c) => c.json(await addSavedReply(ctx.db, c.get('workspace')!.id, c.req.valid('json'), ctx.now()), 201));

  api.route('viewer', createRoute({ method: 'get', path: '/api/v1/w/{workspace}/assignment-rules', tags, summary: 'Assignment rules, in the order they are tried', request: { params: WorkspaceParam }, responses: { 200: jsonResponse(z.object({ rules: z.array(RuleSchema) }), 'Rules') } }),
    async (c) => c.json({ rules: await listRules(ctx.db, c.get('workspace')!.id) }, 200));
  api.route('strategist', createRoute({ method: 'post', path: '/api/v1/w/{workspace}/assignment-rules', tags, summary: 'Add a rule: conditions (topic, network, language, keywords, sentiment) → a person or a team', request: { params: WorkspaceParam, body: jsonBody(z.object({ conditions: RuleConditionsSchema, userId: z.number().int().positive().nullable().optional(), team: z.string().max(100).nullable().optional(), priority: z.enum(PRIORITIES as ['urgent', 'high', 'normal', 'low']).nullable().optional() })) },
    responses: { 201: jsonResponse(RuleSchema, 'Added'), 400: jsonResponse(ErrorSchema, 'Invalid') } }),
  async (c) => c.json(await addRule(ctx.db, c.get('workspace')!.id, c.req.valid('json'), ctx.now()), 201));
  api.route('strategist', createRoute({ method: 'delete', path: '/api/v1/w/{workspace}/assignment-rules/{id}', tags, summary: 'Delete a rule', request: { params: IdParam }, responses: { 204: { description: 'Deleted' }, 404: jsonResponse(ErrorSchema, 'No such rule') } }),
    async (c) => { await deleteRule(ctx.db, c.get('workspace')!.id, c.req.valid('param').id); return c.body(null, 204); });

  api.route('viewer', createRoute({ method: 'get', path: '/api/v1/w/{workspace}/rota', tags, summary: 'The rota: weekly shifts, exceptions, and the coverage gaps of the next 7 days', request: { params: WorkspaceParam },
    responses: { 200: jsonResponse(z.object({ shifts: z.array(ShiftSchema), exceptions: z.array(ExceptionSchema), gaps: z.array(z.object({ from: z.number(), to: z.number(), onCall: z.array(z.number()) })) }), 'The rota') } }),
  async (c) => {
    const ws = c.get('workspace')!.id;
    const [shifts, exceptions] = [await listShifts(ctx.db, ws), await listExceptions(ctx.db, ws)];
    return c.json({ shifts, exceptions, gaps: coverageGaps(ctx.now(), shifts, exceptions) }, 200);
  });
  api.route('strategist', createRoute({ method: 'post', path: '/api/v1/w/{workspace}/rota/shifts', tags, summary: 'Add a weekly shift (duty or on-call) in a time zone', request: { params: WorkspaceParam, body: jsonBody(ShiftSchema.omit({ id: true }).extend({ kind: z.enum(['duty', 'on-call']).default('duty'), weekday: z.number().int().min(1).max(7), startMinute: z.number().int().min(0).max(1440), endMinute: z.number().int().min(0).max(1440) })) },
    responses: { 201: jsonResponse(ShiftSchema, 'Added'), 400: jsonResponse(ErrorSchema, 'Invalid') } }),
  async (c) => c.json(await addShift(ctx.db, c.get('workspace')!.id, c.req.valid('json'), ctx.now()), 201));
  api.route('strategist', createRoute({ method: 'post', path: '/api/v1/w/{workspace}/rota/exceptions', tags, summary: 'A date off, or an extra duty shift on a date', request: { params: WorkspaceParam, body: jsonBody(ExceptionSchema.omit({ id: true }).extend({ startMinute: z.number().int().min(0).max(1440).nullable().default(null), endMinute: z.number().int().min(0).max(1440).nullable().default(null) })) },
    responses: { 201: jsonResponse(ExceptionSchema, 'Added'), 400: jsonResponse(ErrorSchema, 'Invalid') } }),
  async (c) => c.json(await addException(ctx.db, c.get('workspace')!.id, c.req.valid('json'), ctx.now()), 201));
  for (const [part, table] of [['shifts', 'rota_shifts'], ['exceptions', 'rota_exceptions']] as const) {
    api.route('strategist', createRoute({ method: 'delete', path: `/api/v1/w/{workspace}/rota/${part}/{id}`, tags, summary: `Delete a rota ${part === 'shifts' ? 'shift' : 'exception'}`, request: { params: IdParam }, responses: { 204: { description: 'Deleted' }, 404: jsonResponse(ErrorSchema, 'Not found') } }),
      async (c) => { await deleteRotaEntry(ctx.db, c.get('workspace')!.id, table, c.req.valid('param').id); return c.body(null, 204); });
  }

  api.route('viewer', createRoute({ method: 'get', path: '/api/v1/w/{workspace}/sla', tags, summary: 'First-response targets in minutes per priority', request: { params: WorkspaceParam }, responses: { 200: jsonResponse(z.object({ targets: z.record(z.string(), z.number()) }), 'Targets') } }),
    async (c) => c.json({ targets: await slaTargets(ctx.db, c.get('workspace')!.id) }, 200));
  api.route('strategist', createRoute({ method: 'put', path: '/api/v1/w/{workspace}/sla', tags, summary: 'Set the first-response target of a priority (applies to conversations filed from now on)', request: { params: WorkspaceParam, body: jsonBody(z.object({ priority: z.enum(PRIORITIES as ['urgent', 'high', 'normal', 'low']), minutes: z.number().int().min(1).max(60 * 24 * 30) })) },
    responses: { 200: jsonResponse(z.object({ targets: z.record(z.string(), z.number()) }), 'Targets') } }),
  async (c) => {
    const ws = c.get('workspace')!.id;
    const body = c.req.valid('json');
    await setSlaTarget(ctx.db, ws, body.priority, body.minutes);
    return c.json({ targets: await slaTargets(ctx.db, ws) }, 200);
  });
}
