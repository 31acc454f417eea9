// The graph formats an import accepts, and the one a file's name suggests.

export const IMPORT_FORMATS = ['auto', 'csv', 'tsv', 'snap', 'gexf', 'graphml'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** The format a file's name suggests ('auto' when it says nothing). */
export function formatOfFile(name: string): ImportFormat {
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
    case 'gexf':
      return 'gexf';
    case 'graphml':
    case 'xml':
      return 'graphml';
    default:
      return 'auto';
  }
}
