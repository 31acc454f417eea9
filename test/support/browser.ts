// What every browser test shares: Debian's chromium with the flags that work on these machines
// (no background networking), the loud skip off CI, and where screenshots go.
import fs from 'node:fs';
import path from 'node:path';

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
