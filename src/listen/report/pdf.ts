// Prints the report's HTML to PDF with Debian's Chromium, headless (`--print-to-pdf`): the same
// engine the web app is tested in, so the PDF looks like the page. The HTML stands alone (inline
// SVG and styles), so Chromium needs no network: it is told so.
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { RelaisError } from '../../platform/errors.ts';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-pdf-header-footer'];

export async function printPdf(html: string, options: { chromium?: string; timeoutMs?: number } = {}): Promise<Buffer> {
  const chromium = options.chromium ?? DEFAULT_CHROMIUM;
  try {
    await fs.access(chromium);
  } catch {
    throw new RelaisError('RELAIS_PDF_UNAVAILABLE', `No Chromium at ${chromium}: the PDF is printed by it.`, { hint: 'apt-get install -y chromium, or download the HTML report instead' });
  }
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'relais-report-'));
  try {
    const input = path.join(dir, 'report.html');
    const output = path.join(dir, 'report.pdf');
    await fs.writeFile(input, html);
    const args = [...FLAGS, `--user-data-dir=${path.join(dir, 'profile')}`, `--print-to-pdf=${output}`, `file://${input}`];
    await new Promise<void>((resolve, reject) => {
      execFile(chromium, args, { timeout: options.timeoutMs ?? 90_000 }, (error, _stdout, stderr) => {
        if (error) reject(new RelaisError('RELAIS_PDF_UNAVAILABLE', `Chromium could not print the report: ${error.killed ? 'it timed out' : String(stderr).trim().split('\n').pop() || error.message}.`));
        else resolve();
      });
    });
    const pdf = await fs.readFile(output).catch(() => {
      throw new RelaisError('RELAIS_PDF_UNAVAILABLE', 'Chromium ran but wrote no PDF.');
    });
    return pdf;
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
