// Listen's own addresses, under /w/<workspace>/listen:
//   (nothing)               the mention stream (see below)
//   /mentions               the mention stream (?topic=<id> preselects a topic)
//   /dashboard              the dashboard: charts of a topic over a period (?topic=<id>)
//   /topics                 the topics and their counts
//   /topics/new             the topic editor, for a new topic
//   /topics/<id>            the topic editor, for topic <id>
//   /sources                what Listen follows (feeds, Mastodon, Bluesky) and file uploads
//   /ingest-log             what could not be ingested (managers and strategists)
//   /alerts                 alerts (live) and alert rules
//   /alerts/rules/new       the rule editor, for a new rule (managers and strategists)
//   /alerts/rules/<id>      the rule editor, for rule <id>
// Plain functions, no React and no imports: the shell's router asks isListenPath whether an
// address exists.

/** The tabs of Listen's sub-navigation, in their order. */
// The dashboard is the first tab, at /listen/dashboard; /listen itself still opens the stream
// (making it open the dashboard is one line in parseListenPath, and the Listen browser test's
// first page).
export const LISTEN_TABS = ['dashboard', 'mentions', 'topics', 'alerts', 'sources', 'ingest-log'] as const;
export type ListenTab = (typeof LISTEN_TABS)[number];

export type ListenView =
  | { tab: 'dashboard'; topic: number | null }
  | { tab: 'mentions'; topic: number | null }
  | { tab: 'topics' }
  | { tab: 'topics'; editor: 'new' }
  | { tab: 'topics'; editor: number }
  | { tab: 'sources' }
  | { tab: 'ingest-log' }
  | { tab: 'alerts' }
  | { tab: 'alerts'; rule: 'new' | number };

function positiveInt(value: string | null | undefined): number | null {
  return value && /^[1-9]\d{0,14}$/.test(value) ? Number(value) : null;
}

/** The view of Listen for the path parts after /listen, or null when there is none. */
export function parseListenPath(rest: readonly string[], search = ''): ListenView | null {
  const [first, second, ...more] = rest;
  if (first === 'alerts' && second === 'rules' && more.length === 1) {
    const rule = more[0] === 'new' ? 'new' : positiveInt(more[0]);
    return rule === null ? null : { tab: 'alerts', rule };
  }
  if (more.length > 0) return null;
  if (first === undefined || first === 'mentions') {
    if (second !== undefined) return null;
    return { tab: 'mentions', topic: positiveInt(new URLSearchParams(search).get('topic')) };
  }
  if (first === 'dashboard') {
    if (second !== undefined) return null;
    return { tab: 'dashboard', topic: positiveInt(new URLSearchParams(search).get('topic')) };
  }
  if (first === 'topics') {
    if (second === undefined) return { tab: 'topics' };
    if (second === 'new') return { tab: 'topics', editor: 'new' };
    const id = positiveInt(second);
    return id === null ? null : { tab: 'topics', editor: id };
  }
  if (first === 'sources' && second === undefined) return { tab: 'sources' };
  if (first === 'ingest-log' && second === undefined) return { tab: 'ingest-log' };
  if (first === 'alerts' && second === undefined) return { tab: 'alerts' };
  return null;
}

/** True when /w/<workspace>/listen/<rest…> is an address of Listen. */
export function isListenPath(rest: readonly string[]): boolean {
  return parseListenPath(rest) !== null;
}

/** The path of a view of Listen. */
export function listenPath(workspace: string, view: ListenView): string {
  const base = `/w/${encodeURIComponent(workspace)}/listen`;
  switch (view.tab) {
    case 'dashboard':
      return `${base}/dashboard${view.topic === null ? '' : `?topic=${view.topic}`}`;
    case 'mentions':
      return `${base}/mentions${view.topic === null ? '' : `?topic=${view.topic}`}`;
    case 'topics':
      if (!('editor' in view)) return `${base}/topics`;
      return `${base}/topics/${view.editor}`;
    case 'sources':
      return `${base}/sources`;
    case 'ingest-log':
      return `${base}/ingest-log`;
    case 'alerts':
      return 'rule' in view ? `${base}/alerts/rules/${view.rule}` : `${base}/alerts`;
  }
}
