// The workspace's server-sent events stream. The header shows "live" while it is open; an
// event's JSON is handed to `onEvent`, except the server's greeting ({ type: 'hello' }). EventSource reconnects by itself after a network error;
// after an HTTP error it gives up, so we try again a little later. Pages hear the same events
// through useLiveEvent, without a stream of their own.
import { useEffect, useRef, useState } from 'react';
import { eventsUrl } from '../api/client.ts';

export type LiveState = 'connecting' | 'open' | 'closed';
export interface LiveEvent {
  type: string;
  [key: string]: unknown;
}

const RETRY_MS = 15_000;
/** Each event is also dispatched on window under this name, for useLiveEvent. */
const LIVE_EVENT = 'relais:live-event';

export function useLiveEvents(workspace: string | undefined, onEvent?: (event: LiveEvent) => void): LiveState {
  const [state, setState] = useState<LiveState>('connecting');
  const handler = useRef(onEvent);
  useEffect(() => {
    handler.current = onEvent;
  });

  useEffect(() => {
    if (!workspace || typeof EventSource === 'undefined') {
      setState('closed');
      return;
    }
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;

    const connect = () => {
      setState('connecting');
      source = new EventSource(eventsUrl(workspace));
      source.onopen = () => setState('open');
      source.onmessage = (message: MessageEvent<string>) => {
        try {
          const data: unknown = JSON.parse(message.data);
          const type = data && typeof data === 'object' ? (data as LiveEvent).type : undefined;
          if (typeof type === 'string' && type !== 'hello') {
            handler.current?.(data as LiveEvent);
            window.dispatchEvent(new CustomEvent<LiveEvent>(LIVE_EVENT, { detail: data as LiveEvent }));
          }
        } catch {
          // not JSON: not for us
        }
      };
      source.onerror = () => {
        if (source?.readyState === EventSource.CLOSED) {
          setState('closed');
          if (!stopped) retry = setTimeout(connect, RETRY_MS);
        } else {
          setState('connecting');
        }
      };
    };
    connect();
    return () => {
      stopped = true;
      clearTimeout(retry);
      source?.close();
    };
  }, [workspace]);

  return state;
}

/** Calls `onEvent` for each event of the stream the shell holds open (see useLiveEvents). */
export function useLiveEvent(onEvent: (event: LiveEvent) => void): void {
  const handler = useRef(onEvent);
  useEffect(() => {
    handler.current = onEvent;
  });
  useEffect(() => {
    const listener = (event: Event) => handler.current((event as CustomEvent<LiveEvent>).detail);
    window.addEventListener(LIVE_EVENT, listener);
    return () => window.removeEventListener(LIVE_EVENT, listener);
  }, []);
}
