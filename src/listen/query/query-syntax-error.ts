// The one error the parser throws. It stays free of the platform so that this folder is pure;
// the edge turns it into RelaisError('RELAIS_TOPIC_QUERY_INVALID', message, { position, hint }).

/** A query that cannot be parsed: where (0-based offset and length in the query) and what to do. */
export class QuerySyntaxError extends Error {
  /** 0-based character offset of the offending token in the query. */
  readonly position: number;
  /** Length of the offending token (0 for an empty query). */
  readonly length: number;
  /** What the user can do about it. */
  readonly hint: string;

  constructor(message: string, position: number, length: number, hint: string) {
    super(message);
    this.name = 'QuerySyntaxError';
    this.position = position;
    this.length = length;
    this.hint = hint;
  }
}

export function isQuerySyntaxError(error: unknown): error is QuerySyntaxError {
  return error instanceof QuerySyntaxError;
}
