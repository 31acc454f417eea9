// The workspace's topics and their counts, shared by Listen's pages. Quietly refreshed when the
// live stream says a backfill ended (topics.backfilled) or mentions came in (mentions.ingested),
// and polled every 2 s while a topic is still being matched against the stored mentions, in case
// the stream is down or its event came before we listened.
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, unwrap } from '../api/client.ts';
import { useLiveEvent } from '../shell/use-live-events.ts';
import type { Topic } from './types.ts';

export type TopicsState =
  | { status: 'loading' }
  | { status: 'ready'; topics: Topic[] }
  | { status: 'failed'; error: unknown };

const PENDING_POLL_MS = 2_000;
/** Ingests come in bursts: one refresh of the counts per burst. */
const COUNTS_DELAY_MS = 1_500;

export interface Topics {
  state: TopicsState;
  /** Fetches again, showing the loading state (after an error). */
  reload(): void;
  /** Fetches again now, keeping the list on screen. */
  refresh(): void;
  /** Puts a topic in the list (after a create or an edit) until the next fetch. */
  upsert(topic: Topic): void;
  /** Takes a topic out of the list (after a delete). */
  remove(id: number): void;
}

export function isPending(topic: Topic): boolean {
  return topic.backfilledAt === null;
}

export function useTopics(workspace: string): Topics {
  const [state, setState] = useState<TopicsState>({ status: 'loading' });
  const [attempt, setAttempt] = useState({ n: 0, quiet: false });
  const countsTimer = useRef<ReturnType<typeof setTimeout>>(undefined);

  useEffect(() => {
    let current = true;
    if (!attempt.quiet) setState({ status: 'loading' });
    unwrap(api.GET('/api/v1/w/{workspace}/topics', { params: { path: { workspace } } })).then(
      ({ topics }) => current && setState({ status: 'ready', topics }),
      (error: unknown) => current && !attempt.quiet && setState({ status: 'failed', error }),
    );
    return () => {
      current = false;
    };
  }, [workspace, attempt]);

  const reload = useCallback(() => setAttempt(({ n }) => ({ n: n + 1, quiet: false })), []);
  const refresh = useCallback(() => setAttempt(({ n }) => ({ n: n + 1, quiet: true })), []);

  useLiveEvent((event) => {
    if (event.type === 'topics.backfilled') refresh();
    else if (event.type === 'mentions.ingested' && countsTimer.current === undefined) {
      countsTimer.current = setTimeout(() => {
        countsTimer.current = undefined;
        refresh();
      }, COUNTS_DELAY_MS);
    }
  });
  useEffect(() => () => clearTimeout(countsTimer.current), []);

  const pending = state.status === 'ready' && state.topics.some(isPending);
  useEffect(() => {
    if (!pending) return;
    const timer = setInterval(refresh, PENDING_POLL_MS);
    return () => clearInterval(timer);
  }, [pending, refresh]);

  const upsert = useCallback((topic: Topic) => {
    setState((previous) => {
      if (previous.status !== 'ready') return previous;
      const others = previous.topics.filter((t) => t.id !== topic.id);
      return { status: 'ready', topics: [...others, topic].sort(byName) };
    });
  }, []);
  const remove = useCallback((id: number) => {
    setState((previous) => (previous.status === 'ready' ? { status: 'ready', topics: previous.topics.filter((t) => t.id !== id) } : previous));
  }, []);

  return { state, reload, refresh, upsert, remove };
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
function byName(a: Topic, b: Topic): number {
  return collator.compare(a.name, b.name);
}
