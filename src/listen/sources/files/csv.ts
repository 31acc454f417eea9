// CSV as RFC 4180 defines it (https://www.rfc-editor.org/rfc/rfc4180), with what exports do in
// practice: a delimiter other than the comma (',' ';' tab '|', detected), CRLF, LF or CR line
// ends, quoted fields holding delimiters, doubled quotes and line breaks, spaces around quotes.
// Each record says the line it starts on, so a bad row is reported where an editor shows it.
// Pure: text in, records out.

export const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

export interface CsvRecord {
  /** 1-based line where the record starts. */
  line: number;
  fields: string[];
}

export interface CsvProblem {
  line: number;
  message: string;
}

/**
 * The delimiter of a CSV text: the candidate that splits the first lines (quotes respected) into
 * the same number of fields, more than one, most consistently — the test Python's csv.Sniffer
 * makes, simplified.
 */
export function detectDelimiter(text: string, sampleLines = 20): Delimiter {
  let best: Delimiter = ',';
  let bestScore = 0;
  for (const d of DELIMITERS) {
    const counts = parseCsv(text.slice(0, 64 * 1024), d, sampleLines).records.map((r) => r.fields.length);
    if (counts.length === 0) continue;
    const first = counts[0] as number;
    if (first < 2) continue;
    const same = counts.filter((n) => n === first).length / counts.length;
    const score = same * 1000 + first;
    if (score > bestScore) {
      bestScore = score;
      best = d;
    }
  }
  return best;
}

/** Parses the text into records (at most `maxRecords`); an unterminated quote is reported at the line where its field began. */
export function parseCsv(text: string, delimiter: Delimiter, maxRecords = Infinity): { records: CsvRecord[]; problems: CsvProblem[] } {
  const records: CsvRecord[] = [];
  const problems: CsvProblem[] = [];
  let i = 0;
  let line = 1;
  const n = text.length;
  while (i < n && records.length < maxRecords) {
    const start = line;
    const fields: string[] = [];
    let endOfRecord = false;
    while (!endOfRecord) {
      // Spaces before an opening quote are tolerated.
      let j = i;
      while (j < n && text[j] === ' ') j++;
      if (text[j] === '"') {
        const fieldLine = line;
        let value = '';
        i = j + 1;
        let closed = false;
        while (i < n) {
          const c = text[i] as string;
          if (c === '"') {
            if (text[i + 1] === '"') {
              value += '"';
              i += 2;
              continue;
            }
            closed = true;
            i++;
            break;
          }
          if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line++;
          value += c;
          i++;
        }
        if (!closed) problems.push({ line: fieldLine, message: `A quoted field opened on line ${fieldLine} is never closed (a truncated file?).` });
        // Anything between the closing quote and the delimiter is kept, as spreadsheets do.
        let tail = '';
        while (i < n && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') tail += text[i++];
        fields.push(value + tail.trimEnd());
      } else {
        let value = '';
        while (i < n && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') value += text[i++];
        fields.push(value);
      }
      if (i >= n) endOfRecord = true;
      else if (text[i] === delimiter) i++;
      else {
        i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
        line++;
        endOfRecord = true;
      }
    }
    // Blank lines carry no record.
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: start, fields });
  }
  return { records, problems };
}
