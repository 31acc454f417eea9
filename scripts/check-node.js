// Runs before `npm install`: relais needs Node.js 24 (type stripping, node:sqlite).
// Plain JavaScript on purpose, so that an old Node can run it and explain.
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  console.error(
    `relais needs Node.js 24 or newer; this is Node.js ${process.versions.node}.\n` +
      'Install it with one of:\n' +
      '  npm install -g --prefix /usr/local node@24   (then open a new shell)\n' +
      '  nvm install 24 && nvm use 24                 (the project has an .nvmrc)\n' +
      'or download it from the Node.js website.',
  );
  process.exit(1);
}
