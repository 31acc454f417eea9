// Map's own addresses, under /w/<workspace>/map:
//   (nothing)          the network explorer; ?focus=<account>&depth=1|2 shows that account's
//                      ego network, ?account=<id> opens an account's card
//   /influencers       the influencer table (?account=<id> opens a card)
//   /help              "who can help me with…?"
//   /data              import an edge list, GEXF or GraphML; export GEXF or GraphML
// Plain functions, no React and no imports: the shell's router asks isMapPath whether an
// address exists.

/** The tabs of Map's sub-navigation, in their order. */
export const MAP_TABS = ['network', 'influencers', 'help', 'data'] as const;
export type MapTab = (typeof MAP_TABS)[number];

export type MapView =
  | { tab: 'network'; focus: number | null; depth: 1 | 2; account: number | null }
  | { tab: 'influencers'; account: number | null }
  | { tab: 'help' }
  | { tab: 'data' };

function positiveInt(value: string | null | undefined): number | null {
  return value && /^[1-9]\d{0,14}$/.test(value) ? Number(value) : null;
}

/** The view of Map for the path parts after /map, or null when there is none. */
export function parseMapPath(rest: readonly string[], search = ''): MapView | null {
  if (rest.length > 1) return null;
  const query = new URLSearchParams(search);
  const account = positiveInt(query.get('account'));
  switch (rest[0]) {
    case undefined:
      return { tab: 'network', focus: positiveInt(query.get('focus')), depth: query.get('depth') === '2' ? 2 : 1, account };
    case 'influencers':
      return { tab: 'influencers', account };
    case 'help':
      return { tab: 'help' };
    case 'data':
      return { tab: 'data' };
    default:
      return null;
  }
}

/** True when /w/<workspace>/map/<rest…> is an address of Map. */
export function isMapPath(rest: readonly string[]): boolean {
  return parseMapPath(rest) !== null;
}

/** The path of a view of Map. */
export function mapPath(workspace: string, view: MapView): string {
  const base = `/w/${encodeURIComponent(workspace)}/map`;
  const query = new URLSearchParams();
  switch (view.tab) {
    case 'network':
      if (view.focus !== null) {
        query.set('focus', String(view.focus));
        if (view.depth === 2) query.set('depth', '2');
      }
      if (view.account !== null) query.set('account', String(view.account));
      return withQuery(base, query);
    case 'influencers':
      if (view.account !== null) query.set('account', String(view.account));
      return withQuery(`${base}/influencers`, query);
    case 'help':
      return `${base}/help`;
    case 'data':
      return `${base}/data`;
  }
}

function withQuery(path: string, query: URLSearchParams): string {
  const search = query.toString();
  return search ? `${path}?${search}` : path;
}
