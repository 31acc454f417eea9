// Starts an analysis on the server and follows it: progress from the workspace's live events
// (spread.progress), the stored run polled until it is done, failed or cancelled.
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, unwrap, type ApiError } from '../api/client.ts';
import type { paths } from '../api/schema.d.ts';
import { useLiveEvent } from '../shell/use-live-events.ts';

export interface RunProgress { stage: string; done: number; total: number }
export type RunState =
  | { status: 'idle' }
  | { status: 'starting' }
  | { status: 'queued' | 'running'; id: number; progress: RunProgress | null }
  | { status: 'done'; id: number; result: unknown }
  | { status: 'failed'; id: number | null; error: string | ApiError }
  | { status: 'cancelled'; id: number };

/** What POST …/spread/runs takes; fields with a server default may be left out. */
type Full = paths['/api/v1/w/{workspace}/spread/runs']['post']['requestBody']['content']['application/json'];
type Body = Full extends infer U ? (U extends unknown ? Omit<U, 'runs' | 'seed' | 'epsilon' | 'ell' | 'strategies' | 'first' | 'openPerTie' | 'sizes'> & Partial<U> : never) : never;

export function useRun(workspace: string) {
  const [state, setState] = useState<RunState>({ status: 'idle' });
  const current = useRef<number | null>(null);

  useLiveEvent((event) => {
    if (event.type === 'spread.progress' && event.runId === current.current) {
      setState((s) => (s.status === 'queued' || s.status === 'running' ? { ...s, status: 'running', progress: { stage: String(event.stage), done: Number(event.done), total: Number(event.total) } } : s));
    }
  });

  useEffect(() => {
    if (state.status !== 'queued' && state.status !== 'running') return;
    const id = state.id;
    let stopped = false;
    const timer = setInterval(() => {
      void unwrap(api.GET('/api/v1/w/{workspace}/spread/runs/{id}', { params: { path: { workspace, id } } })).then((run) => {
        if (stopped || current.current !== id) return;
        if (run.status === 'done') setState({ status: 'done', id, result: run.result });
        else if (run.status === 'failed') setState({ status: 'failed', id, error: run.error ?? '' });
        else if (run.status === 'cancelled') setState({ status: 'cancelled', id });
        else if (run.progress) setState((s) => (s.status === 'queued' || s.status === 'running' ? { ...s, status: 'running', progress: s.progress ?? run.progress } : s));
      }, () => {});
    }, 700);
    return () => { stopped = true; clearInterval(timer); };
  }, [workspace, state.status, state.status === 'queued' || state.status === 'running' ? state.id : null]);

  const start = useCallback(async (body: Body) => {
    setState({ status: 'starting' });
    try {
      const run = await unwrap(api.POST('/api/v1/w/{workspace}/spread/runs', { params: { path: { workspace } }, body: body as Full }));
      current.current = run.id;
      setState({ status: 'queued', id: run.id, progress: null });
    } catch (error) {
      setState({ status: 'failed', id: null, error: error as ApiError });
    }
  }, [workspace]);

  const cancel = useCallback(async () => {
    const id = current.current;
    if (id === null) return;
    await unwrap(api.POST('/api/v1/w/{workspace}/spread/runs/{id}/cancel', { params: { path: { workspace, id } } })).catch(() => {});
    setState({ status: 'cancelled', id });
  }, [workspace]);

  return { state, start, cancel };
}
