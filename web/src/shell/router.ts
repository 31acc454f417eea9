// A small router over the URL and the history API: the app's few routes need no dependency.
//   /login                       the login page (?next= the page to return to)
//   /                            the remembered workspace's overview
//   /w/<workspace>               a workspace's overview
//   /w/<workspace>/<section>     one of the six sections
//   /w/<workspace>/listen/…      Listen's own pages (listen/listen-routes.ts)
//   /w/<workspace>/map/…         Map's own pages (map/map-routes.ts)
import { useSyncExternalStore } from 'react';
import { isListenPath } from '../listen/listen-routes.ts';
import { isMapPath } from '../map/map-routes.ts';
import { SECTION_IDS, type SectionId } from './sections.ts';

export type Route =
  | { name: 'login'; next: string | null }
  | { name: 'home' }
  | { name: 'workspace'; workspace: string; page: SectionId | 'overview' }
  | { name: 'not-found' };

/** A path of this app to return to after logging in: never another site (//host, /\host). */
function localPath(next: string | null): string | null {
  return next && /^\/(?![/\\])/.test(next) ? next : null;
}

export function parseRoute(pathname: string, search: string): Route {
  let parts: string[];
  try {
    parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    return { name: 'not-found' }; // a malformed %-escape
  }
  if (parts.length === 0) return { name: 'home' };
  if (parts[0] === 'login' && parts.length === 1) {
    return { name: 'login', next: localPath(new URLSearchParams(search).get('next')) };
  }
  if (parts[0] === 'w' && parts[1] && parts.length <= 3) {
    const page = parts[2] ?? 'overview';
    if (page === 'overview' || (SECTION_IDS as readonly string[]).includes(page)) {
      return { name: 'workspace', workspace: parts[1], page: page as SectionId | 'overview' };
    }
  }
  if (parts[0] === 'w' && parts[1] && parts[2] === 'listen' && isListenPath(parts.slice(3))) {
    return { name: 'workspace', workspace: parts[1], page: 'listen' };
  }
  if (parts[0] === 'w' && parts[1] && parts[2] === 'map' && isMapPath(parts.slice(3))) {
    return { name: 'workspace', workspace: parts[1], page: 'map' };
  }
  return { name: 'not-found' };
}

/** The path of a workspace page. */
export function workspacePath(workspace: string, page: SectionId | 'overview' = 'overview'): string {
  const base = `/w/${encodeURIComponent(workspace)}`;
  return page === 'overview' ? base : `${base}/${page}`;
}

const NAVIGATE = 'relais:navigate';

/** Goes to a path of the app; `replace` rewrites the current history entry (redirects). */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === location.pathname + location.search) return;
  if (options.replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  window.dispatchEvent(new Event(NAVIGATE));
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE, onChange);
  };
}

const currentLocation = () => location.pathname + location.search;

/** The current path and search, re-rendering on every navigation. */
export function useLocation(): string {
  return useSyncExternalStore(subscribe, currentLocation);
}

export function useRoute(): Route {
  const here = useLocation();
  const url = new URL(here, location.origin);
  return parseRoute(url.pathname, url.search);
}
