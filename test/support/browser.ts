// What every browser test shares: Debian's chromium with the flags that work on these machines
// (no background networking), the loud skip off CI, where screenshots go, and a real relais
// with a page open on it.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { buildWebApp } from '../../scripts/build-web.ts';
import { startRelais, type StartedRelais } from '../../src/serve.ts';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const SHOTS = path.resolve(import.meta.dirname, '..', '..', 'test-output', 'web');

export const hasChromium = fs.existsSync(CHROMIUM);
export const inCi = process.env.CI === 'true';

/** Says loudly, once per test file, that `what` is skipped for want of chromium (never under CI=true). */
export function warnIfNoChromium(what: string): void {
  if (hasChromium || inCi) return;
  console.warn(
    [
      '',
      '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',
      `!!  SKIPPED: ${what} needs Chromium at ${CHROMIUM}.`,
      '!!  Install it with `apt-get install -y chromium`. (Under CI=true this test fails.)',
      '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',
      '',
    ].join('\n'),
  );
}

export interface BrowserSession {
  relais: StartedRelais;
  /** relais's URL (a browser session always has the web role). */
  url: string;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Uncaught errors of the page: a test asserts there are none. */
  pageErrors: string[];
  /** The browser first: its live event stream would otherwise hold the server open. */
  close(): Promise<void>;
}

/**
 * A real relais (small demo world, SQLite in a temporary folder) and an English chromium page
 * on it. `ownWebBuild` builds the web app into the temporary folder, so that concurrent test
 * files never serve each other's half-written build.
 */
export async function openBrowserSession(options: { tag: string; ownWebBuild?: boolean; viewport?: { width: number; height: number } }): Promise<BrowserSession> {
  assert.ok(hasChromium, `CI=true and no Chromium at ${CHROMIUM}: install it with \`apt-get install -y chromium\``);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `relais-${options.tag}-`));
  fs.mkdirSync(SHOTS, { recursive: true });
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (options.ownWebBuild) {
    env.RELAIS_WEB_DIST = path.join(dir, 'dist');
    await buildWebApp({ outDir: env.RELAIS_WEB_DIST });
  }
  const [relais, browser] = await Promise.all([
    startRelais({ databaseUrl: `sqlite:${path.join(dir, 'relais.db')}`, port: 0, host: '127.0.0.1', demo: { size: 'small', seed: 1 }, quiet: true, env }),
    chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS }),
  ]);
  // An English browser: the app must follow it until the user picks a language.
  const context = await browser.newContext({ locale: 'en-GB', viewport: options.viewport ?? { width: 1280, height: 820 } });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return {
    relais,
    url: relais.url!,
    browser,
    context,
    page,
    pageErrors,
    async close() {
      await browser.close();
      await relais.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
