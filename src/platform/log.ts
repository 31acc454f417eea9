// The one pino logger, made at the edge (serve, CLI) and handed down; children per request/job.
import { pino, type Logger } from 'pino';

export function createLogger(level: string): Logger {
  return pino({ level, base: { app: 'relais' }, timestamp: pino.stdTimeFunctions.isoTime });
}
