// Live validation of a topic query as it is typed: a debounced POST …/topics/validate. The answer
// says which query it is for, so that a fault is never drawn on text that has changed since.
import { useEffect, useState } from 'react';
import { api, unwrap } from '../api/client.ts';
import { queryFault, type QueryFault } from './types.ts';

export type QueryCheck =
  | { status: 'idle' }
  | { status: 'valid'; query: string; canonical: string }
  | { status: 'invalid'; query: string; fault: QueryFault }
  | { status: 'failed'; query: string; error: unknown };

const DEBOUNCE_MS = 250;

/** The last answer, and whether the query has changed since (a check is under way). */
export function useQueryCheck(workspace: string, query: string, enabled: boolean): { check: QueryCheck; checking: boolean } {
  const [check, setCheck] = useState<QueryCheck>({ status: 'idle' });
  useEffect(() => {
    if (!enabled) return;
    let current = true;
    const timer = setTimeout(() => {
      unwrap(api.POST('/api/v1/w/{workspace}/topics/validate', { params: { path: { workspace } }, body: { query } })).then(
        ({ canonical }) => current && setCheck({ status: 'valid', query, canonical }),
        (error: unknown) => {
          if (!current) return;
          const fault = queryFault(error);
          setCheck(fault ? { status: 'invalid', query, fault } : { status: 'failed', query, error });
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [workspace, query, enabled]);

  const checking = enabled && (check.status === 'idle' || check.query !== query);
  return { check, checking };
}
