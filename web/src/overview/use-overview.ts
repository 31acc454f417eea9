// A workspace's overview (its name and counts), fetched when the workspace changes.
import { useCallback, useEffect, useState } from 'react';
import { api, unwrap, type Overview } from '../api/client.ts';

export type OverviewState =
  | { status: 'loading' }
  | { status: 'ready'; overview: Overview }
  | { status: 'failed'; error: unknown };

export function useOverview(workspace: string | undefined): { state: OverviewState; reload(): void } {
  const [state, setState] = useState<OverviewState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!workspace) return;
    let current = true;
    setState({ status: 'loading' });
    unwrap(api.GET('/api/v1/w/{workspace}/overview', { params: { path: { workspace } } })).then(
      (overview) => current && setState({ status: 'ready', overview }),
      (error: unknown) => current && setState({ status: 'failed', error }),
    );
    return () => {
      current = false;
    };
  }, [workspace, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, reload };
}
