// A file's bytes to text: the user's encoding when given; else a byte-order mark (UTF-8,
// UTF-16LE/BE); else UTF-16 without a mark when every other byte of the start is NUL (a
// spreadsheet's "Unicode text"); else UTF-8 when the bytes are valid UTF-8; else Windows-1252
// (which decodes every byte, and is what "ISO-8859-1" means in practice, as browsers read it).
// The feed decoder (feeds/charset.ts) does the BOM, UTF-8 and Windows-1252 steps. Pure.
import { decodeFeedBytes, encodingName } from '../feeds/charset.ts';
import { RelaisError } from '../../../platform/errors.ts';

export interface DecodedFile {
  text: string;
  encoding: string;
  warnings: string[];
}

function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 512) & ~1;
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.7 && evenNul < pairs * 0.1) return 'utf-16le';
  if (evenNul > pairs * 0.7 && oddNul < pairs * 0.1) return 'utf-16be';
  return null;
}

/** E.g. decodeFile(bytes) or decodeFile(bytes, 'latin1'). An unknown label is the user's mistake: it throws. */
export function decodeFile(bytes: Uint8Array, encoding?: string | null): DecodedFile {
  if (encoding) {
    const name = encodingName(encoding);
    if (!name) throw new RelaisError('RELAIS_REQUEST_INVALID', `Unknown encoding "${encoding}".`, { field: 'encoding', hint: 'utf-8, utf-16le, windows-1252, iso-8859-1…' });
    const decoder = new TextDecoder(name, { fatal: false });
    const text = decoder.decode(bytes);
    return { text, encoding: name, warnings: text.includes('\uFFFD') ? [`Some bytes are not valid ${name}: replaced by "\uFFFD".`] : [] };
  }
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return { text: new TextDecoder(utf16).decode(bytes), encoding: utf16, warnings: [] };
  const decoded = decodeFeedBytes(bytes, null);
  return { text: decoded.text, encoding: decoded.encoding, warnings: decoded.warnings };
}
