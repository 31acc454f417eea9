#!/usr/bin/env node
// The `relais` command. The code is TypeScript, run by Node's own type stripping (Node >= 24).
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  console.error(`relais needs Node.js 24 or newer (this is ${process.versions.node}): npm install -g --prefix /usr/local node@24`);
  process.exit(1);
}
const { main } = await import('../src/cli.ts');
const code = await main(process.argv.slice(2), {
  out: (text) => process.stdout.write(text + '\n'),
  err: (text) => process.stderr.write(text + '\n'),
  env: process.env,
  interactive: process.stderr.isTTY === true,
});
process.exitCode = code;
