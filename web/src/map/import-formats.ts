// The graph formats an import accepts (the API's), and the one a file's name suggests.
import type { ImportFormat } from './types.ts';

export const IMPORT_FORMATS = ['csv', 'tsv', 'snap', 'gml', 'gexf', 'graphml', 'followers', 'following'] as const satisfies readonly ImportFormat[];

/** Formats that are plain edge lists: the user says whether a line's ties have a direction. */
export const EDGE_LISTS: readonly ImportFormat[] = ['csv', 'tsv', 'snap'];
/** Follower or following exports: the user says whose. */
export const EXPORTS_OF_ONE: readonly ImportFormat[] = ['followers', 'following'];

/** The API refuses bodies beyond this; the page says so before sending. */
export const IMPORT_MAX_BYTES = 64 * 1024 * 1024;

/** The format a file's name suggests, or null when it says nothing. */
export function formatOfFile(name: string): ImportFormat | null {
  const extension = /\.([a-z]+)$/i.exec(name)?.[1]?.toLowerCase();
  switch (extension) {
    case 'csv':
      return 'csv';
    case 'tsv':
    case 'tab':
      return 'tsv';
    case 'txt':
    case 'edges':
      return 'snap';
    case 'gml':
      return 'gml';
    case 'gexf':
      return 'gexf';
    case 'graphml':
    case 'xml':
      return 'graphml';
    default:
      return null;
  }
}
