// One error type with stable codes, from one catalogue. The HTTP layer maps codes to status
// codes in one place (http/errors.ts); the CLI maps them to exit codes (1: the user's fault,
// 2: ours). Capabilities add their codes to CATALOGUE here so that every code stays unique
// and documented in one file.

export interface ErrorEntry {
  /** HTTP status sent for this code. */
  status: number;
  /** True when the user can fix it (bad input, missing right…); false for our own faults. */
  userError: boolean;
  /** What a user reads when no more precise message is given. */
  message: string;
}

export const CATALOGUE = {
  RELAIS_INTERNAL: { status: 500, userError: false, message: 'Internal error. It has been logged.' },
  RELAIS_REQUEST_INVALID: { status: 400, userError: true, message: 'The request is not valid.' },
  RELAIS_REQUEST_TOO_LARGE: { status: 413, userError: true, message: 'The request body is too large.' },
  RELAIS_NOT_FOUND: { status: 404, userError: true, message: 'Not found.' },
  RELAIS_CONFLICT: { status: 409, userError: true, message: 'This conflicts with existing data.' },
  RELAIS_AUTH_REQUIRED: { status: 401, userError: true, message: 'Log in first.' },
  RELAIS_AUTH_INVALID: { status: 401, userError: true, message: 'Wrong email or password.' },
  RELAIS_SESSION_EXPIRED: { status: 401, userError: true, message: 'Your session has expired: log in again.' },
  RELAIS_TOKEN_INVALID: { status: 401, userError: true, message: 'The API token is not valid.' },
  RELAIS_CSRF_INVALID: { status: 403, userError: true, message: 'Missing or wrong CSRF token (header x-csrf-token).' },
  RELAIS_FORBIDDEN: { status: 403, userError: true, message: 'Your role does not allow this.' },
  RELAIS_RATE_LIMITED: { status: 429, userError: true, message: 'Too many attempts: wait and try again.' },
  RELAIS_CONFIG_INVALID: { status: 500, userError: true, message: 'The configuration is not valid.' },
  RELAIS_DB_UNREACHABLE: { status: 503, userError: true, message: 'The database cannot be reached.' },
  RELAIS_DB_CORRUPT: { status: 500, userError: true, message: 'The database file is unreadable or corrupt.' },
  RELAIS_DB_TOO_NEW: { status: 500, userError: true, message: 'The database was migrated by a newer relais.' },
  RELAIS_DB_READONLY: { status: 503, userError: true, message: 'The database is read-only or the disk is full.' },
  RELAIS_PORT_IN_USE: { status: 500, userError: true, message: 'The port is already in use.' },
  RELAIS_CLI_USAGE: { status: 400, userError: true, message: 'Wrong command usage.' },
  RELAIS_FILE_INVALID: { status: 400, userError: true, message: 'The file is not valid.' },
  RELAIS_JOB_UNKNOWN: { status: 400, userError: true, message: 'No such job type.' },
  RELAIS_TOPIC_QUERY_INVALID: { status: 400, userError: true, message: 'The topic query is not valid.' },
  RELAIS_JOB_CRON_INVALID: { status: 400, userError: true, message: 'The schedule is not a valid cron expression.' },
  RELAIS_ALERT_RULE_NOT_FOUND: { status: 404, userError: true, message: 'No such alert rule.' },
  RELAIS_ALERT_RULE_INVALID: { status: 400, userError: true, message: 'The alert rule is not valid.' },
  RELAIS_ALERT_NOT_FOUND: { status: 404, userError: true, message: 'No such alert.' },
  RELAIS_ALERT_STATUS_INVALID: { status: 409, userError: true, message: 'The alert is not in a state that allows this.' },
  RELAIS_PDF_UNAVAILABLE: { status: 503, userError: true, message: 'The PDF could not be printed (Chromium is missing or failed).' },
  RELAIS_SPREAD_INVALID: { status: 400, userError: true, message: 'The diffusion or seeding request is not valid.' },
  RELAIS_SPREAD_POOL_EMPTY: { status: 400, userError: true, message: 'The candidate pool is empty.' },
} as const satisfies Record<string, ErrorEntry>;

export type ErrorCode = keyof typeof CATALOGUE;

export interface ErrorDetails {
  /** The field, flag or column at fault, as a dotted path ("body.email", "--port"). */
  field?: string;
  /** 1-based line (files, queries) and position (column or character offset). */
  line?: number;
  position?: number;
  /** What the user can do about it. */
  hint?: string;
  /** Extra machine-readable facts (e.g. retryAfterSeconds). */
  [key: string]: unknown;
}

export class RelaisError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails;

  constructor(code: ErrorCode, message?: string, details: ErrorDetails = {}, options?: { cause?: unknown }) {
    super(message ?? CATALOGUE[code].message, options);
    this.name = 'RelaisError';
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return CATALOGUE[this.code].status;
  }

  get userError(): boolean {
    return CATALOGUE[this.code].userError;
  }

  /** The JSON body the API sends: stable code, message, and where the fault is. */
  toJSON(): { error: { code: ErrorCode; message: string } & ErrorDetails } {
    return { error: { code: this.code, message: this.message, ...this.details } };
  }

  /** One line for a terminal: what is wrong, where, and what to do. */
  toLine(): string {
    const where = [
      this.details.field ? `field ${this.details.field}` : '',
      this.details.line !== undefined ? `line ${this.details.line}` : '',
      this.details.position !== undefined ? `position ${this.details.position}` : '',
    ]
      .filter(Boolean)
      .join(', ');
    return `${this.message}${where ? ` (${where})` : ''}${this.details.hint ? ` — ${this.details.hint}` : ''}`;
  }
}

export function isRelaisError(error: unknown): error is RelaisError {
  return error instanceof RelaisError;
}
