// A file of mentions into a workspace (`relais ingest FILE`, the upload route, the web app): read
// (sources/files/), each item checked and stored by receive.ts in batches — a bad row goes to
// the ingest log with its line, the rest goes in — and the file's own notes (encoding repaired,
// columns left out, truncated) logged too.
import { checkItem, receiveItems, type ReceiveDeps, type ReceiveResult } from './receive.ts';
import { type ColumnMapping, type Delimiter, type FileFormat, type ReadFile, type ReadFileOptions, readIngestFile } from './sources/index.ts';
import type { ListenTables } from './tables.ts';

export interface FileImportResult extends ReceiveResult {
  format: FileFormat;
  encoding: string;
  delimiter: Delimiter | null;
  mapping: ColumnMapping | null;
  notes: ReadFile['notes'];
}

const BATCH = 5_000;

export async function importFile(deps: ReceiveDeps, workspaceId: number, bytes: Uint8Array, name: string, options: ReadFileOptions = {}, onProgress?: (done: number, total: number) => void): Promise<FileImportResult> {
  const file = readIngestFile(bytes, name, options);
  if (file.notes.length > 0) {
    await deps.db
      .withTables<ListenTables>()
      .insertInto('ingest_log')
      .values(file.notes.map((n) => ({ workspace_id: workspaceId, source: name, position: n.position, message: n.message, at: deps.now })))
      .execute();
  }
  const total: ReceiveResult = { received: 0, inserted: 0, duplicates: 0, topicMatches: {}, rejected: [] };
  for (let i = 0; i < file.items.length; i += BATCH) {
    const result = await receiveItems(deps, workspaceId, file.items.slice(i, i + BATCH), name);
    total.received += result.received;
    total.inserted += result.inserted;
    total.duplicates += result.duplicates;
    total.rejected.push(...result.rejected.map((r) => ({ ...r, index: r.index + i })));
    for (const [topic, n] of Object.entries(result.topicMatches)) total.topicMatches[Number(topic)] = (total.topicMatches[Number(topic)] ?? 0) + n;
    onProgress?.(Math.min(i + BATCH, file.items.length), file.items.length);
  }
  return { ...total, format: file.format, encoding: file.encoding, delimiter: file.delimiter, mapping: file.mapping, notes: file.notes };
}

/** What a file would give, without storing anything: for the web app's mapping step. */
export function previewFile(bytes: Uint8Array, name: string, options: ReadFileOptions = {}, rows = 5) {
  const file = readIngestFile(bytes, name, options);
  // Each item as the import would judge it: unreadable, or refused by the mention schema.
  const judged = file.items.map((i) => {
    if ('error' in i) return { position: i.position, error: i.error, item: null };
    const checked = checkItem(i.item);
    return checked.ok ? { position: i.position, error: null, item: i.item } : { position: i.position, error: `${checked.field}: ${checked.message}`, item: null };
  });
  return {
    format: file.format,
    encoding: file.encoding,
    delimiter: file.delimiter,
    header: file.header,
    mapping: file.mapping,
    unknownColumns: file.unknownColumns,
    notes: file.notes,
    total: file.items.length,
    errors: judged.filter((i) => i.error !== null).length,
    sample: judged.slice(0, rows),
  };
}
