// A workspace's overview (its name and counts), fetched when the workspace changes and
// refreshed, quietly, when the workspace's live events say something changed.
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, unwrap, type Overview } from '../api/client.ts';

export type OverviewState =
  | { status: 'loading' }
  | { status: 'ready'; overview: Overview }
  | { status: 'failed'; error: unknown };

/** Live events come in bursts (an import, a spike): one refresh per burst. */
const REFRESH_DELAY_MS = 2_000;

export function useOverview(workspace: string | undefined): {
  state: OverviewState;
  /** Fetches again, showing the loading state (after an error). */
  reload(): void;
  /** Fetches again soon, keeping the current figures on screen meanwhile. */
  refreshSoon(): void;
} {
  const [state, setState] = useState<OverviewState>({ status: 'loading' });
  const [attempt, setAttempt] = useState({ n: 0, quiet: false });
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  useEffect(() => {
    if (!workspace) return;
    let current = true;
    if (!attempt.quiet) setState({ status: 'loading' });
    unwrap(api.GET('/api/v1/w/{workspace}/overview', { params: { path: { workspace } } })).then(
      (overview) => current && setState({ status: 'ready', overview }),
      (error: unknown) => current && !attempt.quiet && setState({ status: 'failed', error }),
    );
    return () => {
      current = false;
    };
  }, [workspace, attempt]);

  useEffect(() => () => clearTimeout(timer.current), [workspace]);

  const reload = useCallback(() => setAttempt(({ n }) => ({ n: n + 1, quiet: false })), []);
  const refreshSoon = useCallback(() => {
    if (timer.current !== undefined) return;
    timer.current = setTimeout(() => {
      timer.current = undefined;
      setAttempt(({ n }) => ({ n: n + 1, quiet: true }));
    }, REFRESH_DELAY_MS);
  }, []);
  return { state, reload, refreshSoon };
}
