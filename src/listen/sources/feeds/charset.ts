// Bytes to text, as declared or sniffed. The platform's TextDecoder does the decoding: Node's
// ICU build knows every WHATWG encoding label (utf-8, utf-16le/be, iso-8859-x, windows-125x,
// koi8-r, shift_jis, gb18030, euc-kr…), and maps "iso-8859-1" and "us-ascii" to windows-1252
// exactly as browsers do — the right call for feeds, whose "Latin-1" is very often cp1252 with
// curly quotes in 0x80–0x9F.
//
// Order: a byte-order mark wins; then the HTTP charset, then the XML prolog's encoding (RFC 7303);
// then UTF-8 if the bytes are valid UTF-8, else windows-1252. Two real-world repairs on top:
// - bytes that are valid UTF-8 with multi-byte sequences, in a document whose own prolog says
//   UTF-8 (or says nothing, which means UTF-8), are UTF-8 even if the server's header claims a
//   single-byte charset (Apache's default "ISO-8859-1" on UTF-8 files is the classic case);
// - a document declared UTF-8 whose bytes are not is decoded as the other declaration, else as
//   windows-1252, with a warning (the classic Latin-1 feed behind a UTF-8 declaration).
import { isAscii, isUtf8 } from 'node:buffer';

export interface DecodedText {
  text: string;
  /** The WHATWG name of the encoding used ('utf-8', 'windows-1252', 'iso-8859-2'…). */
  encoding: string;
  /** Where it came from. */
  source: 'bom' | 'http' | 'prolog' | 'sniffed';
  /** Repairs made, for the ingest log. */
  warnings: string[];
}

/** The charset parameter of a Content-Type header, e.g. `text/xml; charset="ISO-8859-1"` → 'iso-8859-1'. */
export function charsetFromContentType(contentType: string | null | undefined): string | null {
  if (!contentType) return null;
  const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType);
  return match ? (match[1] as string).toLowerCase() : null;
}

/** The WHATWG name for an encoding label, or null when the platform does not know it. */
export function encodingName(label: string): string | null {
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return null;
  }
}

/** The encoding an XML prolog declares (`<?xml version="1.0" encoding="…"?>`), read as ASCII. */
export function prologEncoding(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  const match = /<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head);
  return match ? (match[1] as string).toLowerCase() : null;
}

const UTF8 = 'utf-8';

function bomEncoding(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return UTF8;
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  // No BOM but UTF-16 "<?" or "<" patterns (XML 1.0 appendix F).
  if (bytes[0] === 0x3c && bytes[1] === 0x00 && bytes[2] === 0x3f && bytes[3] === 0x00) return 'utf-16le';
  if (bytes[0] === 0x00 && bytes[1] === 0x3c && bytes[2] === 0x00 && bytes[3] === 0x3f) return 'utf-16be';
  return null;
}

/** Whether the bytes are valid UTF-8, and whether any byte is beyond ASCII (native checks, fast). */
function utf8Status(bytes: Uint8Array): { valid: boolean; nonAscii: boolean } {
  const nonAscii = !isAscii(bytes);
  return { valid: !nonAscii || isUtf8(bytes), nonAscii };
}

function decode(bytes: Uint8Array, encoding: string): string {
  // ignoreBOM false (the default) drops a leading BOM of the encoding.
  return new TextDecoder(encoding).decode(bytes);
}

/**
 * Decodes a feed's bytes, e.g. `decodeFeedBytes(body, 'text/xml; charset=iso-8859-1')`.
 * Never throws: the worst case is windows-1252, which maps every byte.
 */
export function decodeFeedBytes(bytes: Uint8Array, contentType?: string | null): DecodedText {
  const warnings: string[] = [];
  const bom = bomEncoding(bytes);
  if (bom) return { text: decode(bytes, bom), encoding: bom, source: 'bom', warnings };

  const httpLabel = charsetFromContentType(contentType);
  const prologLabel = prologEncoding(bytes);
  const http = httpLabel ? encodingName(httpLabel) : null;
  const prolog = prologLabel ? encodingName(prologLabel) : null;
  if (httpLabel && !http) warnings.push(`Unknown charset "${httpLabel}" in the Content-Type header, ignored.`);
  if (prologLabel && !prolog) warnings.push(`Unknown encoding "${prologLabel}" in the XML prolog, ignored.`);
  // A UTF-16 label on bytes that had no UTF-16 pattern is a lie (ASCII-compatible bytes read so far).
  const usable = (name: string | null): string | null => (name && !name.startsWith('utf-16') ? name : null);
  const declared: { name: string; source: 'http' | 'prolog' }[] = [];
  if (usable(http)) declared.push({ name: usable(http) as string, source: 'http' });
  if (usable(prolog)) declared.push({ name: usable(prolog) as string, source: 'prolog' });

  const utf8 = utf8Status(bytes);
  const prologSaysUtf8 = prolog === null || prolog === UTF8;
  if (utf8.valid && utf8.nonAscii && prologSaysUtf8 && declared[0]?.name !== UTF8) {
    if (declared[0]) warnings.push(`Declared ${declared[0].name} but the bytes are UTF-8; decoded as UTF-8.`);
    return { text: decode(bytes, UTF8), encoding: UTF8, source: prolog === UTF8 ? 'prolog' : 'sniffed', warnings };
  }
  const first = declared[0];
  if (first) {
    if (first.name !== UTF8 || utf8.valid) return { text: decode(bytes, first.name), encoding: first.name, source: first.source, warnings };
    const other = declared.find((d) => d.name !== UTF8);
    const fallback = other?.name ?? 'windows-1252';
    warnings.push(`Declared UTF-8 but the bytes are not valid UTF-8; decoded as ${fallback}.`);
    return { text: decode(bytes, fallback), encoding: fallback, source: other?.source ?? 'sniffed', warnings };
  }
  if (utf8.valid) return { text: decode(bytes, UTF8), encoding: UTF8, source: 'sniffed', warnings };
  warnings.push('No encoding declared and the bytes are not UTF-8; decoded as windows-1252.');
  return { text: decode(bytes, 'windows-1252'), encoding: 'windows-1252', source: 'sniffed', warnings };
}
