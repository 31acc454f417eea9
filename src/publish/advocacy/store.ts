// Employee and ambassador advocacy: a library of approved content, members' own channels and
// branded templates, and the approval queue — a member's post waits for a reviewer, who sees its
// brand-safety problems and the decision log, and approves (it is scheduled) or rejects it.
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/schema.ts';
import { RelaisError } from '../../platform/errors.ts';
import type { PostNetwork } from '../post-length.ts';
import { findPost, listPosts, schedulePost, type Post } from '../scheduler/posts.ts';
import type { PublishTables } from '../tables.ts';
import { applyTemplate, checkBrandSafety, DEFAULT_POLICY, type BrandSafetyPolicy, type SafetyProblem } from './brand-safety.ts';

const tables = (db: Kysely<PlatformTables>) => db.withTables<PublishTables>();

export async function getPolicy(db: Kysely<PlatformTables>, workspaceId: number): Promise<BrandSafetyPolicy> {
  const row = await tables(db).selectFrom('advocacy_policies').select('policy').where('workspace_id', '=', workspaceId).executeTakeFirst();
  return row ? { ...DEFAULT_POLICY, ...(JSON.parse(row.policy) as Partial<BrandSafetyPolicy>) } : DEFAULT_POLICY;
}

export async function setPolicy(db: Kysely<PlatformTables>, workspaceId: number, policy: BrandSafetyPolicy, now: number): Promise<BrandSafetyPolicy> {
  const values = { workspace_id: workspaceId, policy: JSON.stringify(policy), updated_at: now };
  await tables(db).insertInto('advocacy_policies').values(values).onConflict((oc) => oc.column('workspace_id').doUpdateSet({ policy: values.policy, updated_at: now })).execute();
  return policy;
}

export interface AdvocacyItem { id: number; title: string; text: string; linkUrl: string | null; createdAt: number }

export async function addItem(db: Kysely<PlatformTables>, workspaceId: number, input: { title: string; text: string; linkUrl?: string | null }, userId: number | null, now: number): Promise<AdvocacyItem> {
  const row = await tables(db).insertInto('advocacy_items').values({ workspace_id: workspaceId, title: input.title, text: input.text, link_url: input.linkUrl ?? null, created_by: userId, created_at: now, archived: 0 }).returning('id').executeTakeFirstOrThrow();
  return { id: Number(row.id), title: input.title, text: input.text, linkUrl: input.linkUrl ?? null, createdAt: now };
}

export async function listItems(db: Kysely<PlatformTables>, workspaceId: number): Promise<AdvocacyItem[]> {
  const rows = await tables(db).selectFrom('advocacy_items').selectAll().where('workspace_id', '=', workspaceId).where('archived', '=', 0).orderBy('id', 'desc').execute();
  return rows.map((r) => ({ id: Number(r.id), title: r.title, text: r.text, linkUrl: r.link_url, createdAt: Number(r.created_at) }));
}

export interface MemberTemplate { affiliation: string; signature: string | null; hashtag: string | null }

export async function getTemplate(db: Kysely<PlatformTables>, workspaceId: number, userId: number): Promise<MemberTemplate> {
  const row = await tables(db).selectFrom('member_templates').select(['affiliation', 'signature', 'hashtag']).where('workspace_id', '=', workspaceId).where('user_id', '=', userId).executeTakeFirst();
  return row ?? { affiliation: 'employee', signature: null, hashtag: null };
}

export async function setTemplate(db: Kysely<PlatformTables>, workspaceId: number, userId: number, template: MemberTemplate): Promise<MemberTemplate> {
  const values = { workspace_id: workspaceId, user_id: userId, ...template };
  await tables(db).insertInto('member_templates').values(values).onConflict((oc) => oc.columns(['workspace_id', 'user_id']).doUpdateSet(template)).execute();
  return template;
}

async function problemsOf(db: Kysely<PlatformTables>, workspaceId: number, post: Post, authorId: number | null): Promise<SafetyProblem[]> {
  const [policy, template, channels] = await Promise.all([
    getPolicy(db, workspaceId),
    authorId === null ? Promise.resolve({ affiliation: 'employee' } as MemberTemplate) : getTemplate(db, workspaceId, authorId),
    tables(db).selectFrom('channels').select(['id', 'name', 'network', 'config']).where('id', 'in', post.targets.map((t) => t.channelId)).execute(),
  ]);
  const networks = channels.map((c) => ({ network: c.network as PostNetwork, name: c.name, limit: (JSON.parse(c.config) as { maxCharacters?: number }).maxCharacters }));
  return checkBrandSafety(post.text, policy, { affiliation: template.affiliation }, networks);
}

async function log(db: Kysely<PlatformTables>, workspaceId: number, postId: number, userId: number | null, decision: string, comment: string | null, now: number) {
  await tables(db).insertInto('post_reviews').values({ workspace_id: workspaceId, post_id: postId, user_id: userId, decision, comment, at: now }).execute();
}

/** A member's share: their text (from a library item or their own), on their own channels, held for review. */
export async function submitShare(db: Kysely<PlatformTables>, workspaceId: number, userId: number, input: { itemId?: number | null; text?: string | null; channelIds: number[]; dueAt: number }, now: number): Promise<{ post: Post; problems: SafetyProblem[] }> {
  let text = input.text?.trim() ?? '';
  let linkUrl: string | null = null;
  if (input.itemId) {
    const item = (await listItems(db, workspaceId)).find((i) => i.id === input.itemId);
    if (!item) throw new RelaisError('RELAIS_REQUEST_INVALID', `No library item ${input.itemId}.`, { field: 'itemId' });
    text ||= item.text;
    linkUrl = item.linkUrl;
    if (linkUrl && !text.includes(linkUrl)) text = `${text} ${linkUrl}`;
  }
  if (!text) throw new RelaisError('RELAIS_REQUEST_INVALID', 'The share has no text.', { field: 'text' });
  const own = await tables(db).selectFrom('channels').select('id').where('workspace_id', '=', workspaceId).where('owner_id', '=', userId).execute();
  const foreign = input.channelIds.find((id) => !own.some((c) => Number(c.id) === id));
  if (foreign !== undefined) throw new RelaisError('RELAIS_FORBIDDEN', `Channel ${foreign} is not one of your own accounts.`, { field: 'channelIds' });
  text = applyTemplate(text, await getTemplate(db, workspaceId, userId));
  const post = await schedulePost(db, workspaceId, { text, targets: input.channelIds.map((channelId) => ({ channelId })), dueAt: input.dueAt, origin: 'advocacy', authorId: userId, linkUrl, awaitApproval: true }, now);
  await log(db, workspaceId, post.id, userId, 'submitted', null, now);
  return { post, problems: await problemsOf(db, workspaceId, post, userId) };
}

export interface Review { decision: string; comment: string | null; at: number; userId: number | null }

export async function reviewsOf(db: Kysely<PlatformTables>, postId: number): Promise<Review[]> {
  const rows = await tables(db).selectFrom('post_reviews').select(['decision', 'comment', 'at', 'user_id']).where('post_id', '=', postId).orderBy('id').execute();
  return rows.map((r) => ({ decision: r.decision, comment: r.comment, at: Number(r.at), userId: r.user_id === null ? null : Number(r.user_id) }));
}

export async function approvalQueue(db: Kysely<PlatformTables>, workspaceId: number): Promise<Array<{ post: Post; problems: SafetyProblem[]; reviews: Review[]; authorId: number | null }>> {
  const posts = await listPosts(db, workspaceId, { status: 'pending-approval' });
  const authors = await tables(db).selectFrom('posts').select(['id', 'author_id']).where('id', 'in', posts.length ? posts.map((p) => p.id) : [0]).execute();
  const authorOf = new Map(authors.map((a) => [Number(a.id), a.author_id === null ? null : Number(a.author_id)]));
  return Promise.all(posts.map(async (post) => ({ post, authorId: authorOf.get(post.id) ?? null, problems: await problemsOf(db, workspaceId, post, authorOf.get(post.id) ?? null), reviews: await reviewsOf(db, post.id) })));
}

/** A reviewer's decision: a comment, an approval (refused while brand-safety problems remain), or a rejection. */
export async function reviewPost(db: Kysely<PlatformTables>, workspaceId: number, reviewerId: number, postId: number, decision: 'approve' | 'reject' | 'comment', comment: string | null, now: number): Promise<Post> {
  const post = await findPost(db, workspaceId, postId);
  if (!post) throw new RelaisError('RELAIS_NOT_FOUND', `No post ${postId}.`, { field: 'id' });
  if (post.status !== 'pending-approval') throw new RelaisError('RELAIS_CONFLICT', `Post ${postId} is ${post.status}, not awaiting approval.`, { field: 'id' });
  if (decision === 'comment') {
    if (!comment?.trim()) throw new RelaisError('RELAIS_REQUEST_INVALID', 'A comment needs text.', { field: 'comment' });
    await log(db, workspaceId, postId, reviewerId, 'comment', comment, now);
    return post;
  }
  if (decision === 'approve') {
    const author = await tables(db).selectFrom('posts').select('author_id').where('id', '=', postId).executeTakeFirstOrThrow();
    const problems = await problemsOf(db, workspaceId, post, author.author_id === null ? null : Number(author.author_id));
    if (problems.length) throw new RelaisError('RELAIS_CONFLICT', `Brand safety: ${problems.map((p) => p.message).join(' ')}`, { field: 'text', hint: 'ask the member to change the post (comment), or reject it' });
  }
  await db.transaction().execute(async (trx) => {
    const t = trx.withTables<PublishTables>();
    if (decision === 'approve') {
      const at = Math.max(post.dueAt ?? now, now);
      await t.updateTable('posts').set({ status: 'scheduled', due_at: at, updated_at: now }).where('id', '=', postId).execute();
      await t.updateTable('post_targets').set({ status: 'pending', next_attempt_at: at }).where('post_id', '=', postId).where('status', '=', 'draft').execute();
    } else {
      await t.updateTable('posts').set({ status: 'rejected', updated_at: now }).where('id', '=', postId).execute();
      await t.updateTable('post_targets').set({ status: 'cancelled', next_attempt_at: null }).where('post_id', '=', postId).execute();
    }
    await t.insertInto('post_reviews').values({ workspace_id: workspaceId, post_id: postId, user_id: reviewerId, decision: decision === 'approve' ? 'approved' : 'rejected', comment, at: now }).execute();
  });
  return (await findPost(db, workspaceId, postId))!;
}
