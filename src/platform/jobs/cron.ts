// A 5-field cron expression (minute hour day-of-month month day-of-week), read in UTC. Both
// runners check expressions here, so one that the SQLite runner cannot follow is refused on
// PostgreSQL too, although pg-boss (through cron-parser) would accept more (seconds, L, #).
// The syntax is Vixie cron's: `*`, numbers, ranges `a-b`, steps `*/n`, `a-b/n` and `a/n`,
// lists, three-letter month and day names; 7 is Sunday as well as 0. When both day fields are
// restricted a day matching either runs, as cron (and cron-parser) do.
import { RelaisError } from '../errors.ts';

export interface Cron {
  expression: string;
  /** True when the minute holding `epochMs` is one of the expression's slots. */
  matches(epochMs: number): boolean;
}

const FIELDS = [
  { label: 'minute', min: 0, max: 59, names: [] as string[] },
  { label: 'hour', min: 0, max: 23, names: [] },
  { label: 'day of month', min: 1, max: 31, names: [] },
  { label: 'month', min: 1, max: 12, names: ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] },
  { label: 'day of week', min: 0, max: 7, names: ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] },
];

function invalid(expression: string, why: string): RelaisError {
  return new RelaisError('RELAIS_JOB_CRON_INVALID', `The schedule "${expression}" is not a cron expression: ${why}.`, {
    hint: 'give five fields, minute hour day-of-month month day-of-week, in UTC: "*/15 * * * *", "0 6 * * MON-FRI"',
  });
}

function parseField(expression: string, text: string, index: number): Set<number> {
  const field = FIELDS[index]!;
  const value = (token: string): number => {
    const named = field.names.indexOf(token.toLowerCase());
    if (named >= 0) return named + (field.label === 'month' ? 1 : 0);
    if (!/^\d+$/.test(token)) throw invalid(expression, `"${token}" is not a number in the ${field.label} field`);
    const number = Number(token);
    if (number < field.min || number > field.max) throw invalid(expression, `${number} is outside ${field.min}–${field.max} in the ${field.label} field`);
    return number;
  };
  const values = new Set<number>();
  for (const part of text.split(',')) {
    const [range = '', stepText, extra] = part.split('/');
    if (extra !== undefined || range === '') throw invalid(expression, `"${part}" is malformed in the ${field.label} field`);
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1 || !/^\d+$/.test(stepText ?? '1')) throw invalid(expression, `the step "${stepText}" is not a positive number`);
    let from: number;
    let to: number;
    if (range === '*') [from, to] = [field.min, field.max];
    else if (range.includes('-')) {
      const bounds = range.split('-');
      if (bounds.length !== 2) throw invalid(expression, `"${range}" is malformed in the ${field.label} field`);
      [from, to] = [value(bounds[0]!), value(bounds[1]!)];
      if (from > to) throw invalid(expression, `the range ${range} runs backwards`);
    } else {
      from = value(range);
      to = stepText === undefined ? from : field.max;
    }
    for (let v = from; v <= to; v += step) values.add(v);
  }
  if (field.label === 'day of week' && values.delete(7)) values.add(0);
  return values;
}

/** Parses and checks an expression; throws RELAIS_JOB_CRON_INVALID with the reason. */
export function parseCron(expression: string): Cron {
  const texts = expression.trim().split(/\s+/);
  if (texts.length !== 5) throw invalid(expression, `it has ${texts.length} fields, not 5`);
  const [minutes, hours, days, months, weekdays] = texts.map((text, index) => parseField(expression, text, index)) as [
    Set<number>, Set<number>, Set<number>, Set<number>, Set<number>,
  ];
  const anyDay = texts[2] === '*';
  const anyWeekday = texts[4] === '*';
  return {
    expression,
    matches(epochMs) {
      const at = new Date(epochMs);
      if (!minutes.has(at.getUTCMinutes()) || !hours.has(at.getUTCHours()) || !months.has(at.getUTCMonth() + 1)) return false;
      const day = days.has(at.getUTCDate());
      const weekday = weekdays.has(at.getUTCDay());
      if (anyDay && anyWeekday) return true;
      if (anyDay) return weekday;
      if (anyWeekday) return day;
      return day || weekday;
    },
  };
}
