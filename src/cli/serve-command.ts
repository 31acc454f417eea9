import { parseRoles, parsePort } from '../platform/config.ts';
import { progressBar } from '../platform/progress.ts';
import { startRelais } from '../serve.ts';
import { choiceFlag, intFlag, type Command } from '../platform/command.ts';

export const serveCommand: Command = {
  name: 'serve',
  summary: 'Run relais: the web app, the API, the job worker and scheduler',
  help: `Usage: relais serve [options]

Opens (and migrates) the database, loads the demo world into an empty database, and serves
the web app and the API. Stop it with Ctrl-C: requests in flight finish first.

Options:
  --port N              port to listen on (default 4321, or RELAIS_PORT)
  --host HOST           address to listen on (default 127.0.0.1, or RELAIS_HOST; 0.0.0.0 for all)
  --roles LIST          comma-separated process roles: web, worker, scheduler (default all three)
  --database URL        sqlite:<file> or postgres://… (default ./relais-data/relais.db,
                        or RELAIS_DATABASE_URL)
  --no-demo             do not load the demo world into an empty database
  --demo-size SIZE      small, medium (default) or large
  --seed N              the demo world's seed (default 1)
  --json                print the start-up facts as JSON
  -h, --help            this help`,
  options: {
    port: { type: 'string' },
    host: { type: 'string' },
    roles: { type: 'string' },
    'no-demo': { type: 'boolean' },
    'demo-size': { type: 'string' },
    seed: { type: 'string' },
  },
  async run({ values }, io) {
    const roles = typeof values.roles === 'string' ? parseRoles(values.roles, '--roles') : undefined;
    const port = typeof values.port === 'string' ? parsePort(values.port, '--port') : undefined;
    const size = choiceFlag(values['demo-size'], '--demo-size', ['small', 'medium', 'large'] as const, 'medium');
    const seed = intFlag(values.seed, '--seed', 1);
    const bar = progressBar(process.stderr, { enabled: io.interactive && !values.json });
    const started = performance.now();
    const relais = await startRelais({
      port,
      host: typeof values.host === 'string' ? values.host : undefined,
      roles,
      databaseUrl: typeof values.database === 'string' ? values.database : undefined,
      demo: values['no-demo'] ? false : { size, seed },
      onProgress: (done, total, label) => bar.update(done, total, label),
      env: io.env,
    });
    bar.finish();
    const seconds = (performance.now() - started) / 1000;
    if (values.json) {
      io.out(JSON.stringify({ url: relais.url, startSeconds: seconds, webBuildSeconds: relais.webBuildSeconds, demo: relais.demo, firstAdmin: relais.firstAdmin }));
    } else {
      const parts = [relais.demo.loaded ? `${relais.demo.seconds.toFixed(1)} s loading the demo world` : '', relais.webBuildSeconds ? `${relais.webBuildSeconds.toFixed(1)} s building the web app` : ''].filter(Boolean);
      io.out(`relais is running${relais.url ? ` at ${relais.url}` : ` (roles ${(roles ?? []).join(', ')}: no web server)`}  (started in ${seconds.toFixed(1)} s${parts.length ? `, of which ${parts.join(' and ')}` : ''})`);
      io.out(`  database: ${relais.database.label}`);
      if (relais.firstAdmin) io.out(`  administrator: ${relais.firstAdmin.email}  password: ${relais.firstAdmin.password}  (shown once; change it with \`relais user passwd\`)`);
      if (relais.demo.users.length > 0) {
        io.out('  demo users (also listed on the login page):');
        for (const user of relais.demo.users) io.out(`    ${user.role.padEnd(11)} ${user.email}  password: ${user.password}`);
      }
      io.out('  Press Ctrl-C to stop.');
    }
    await new Promise<void>((resolve) => {
      const shutdown = () => {
        process.off('SIGINT', shutdown);
        process.off('SIGTERM', shutdown);
        io.err('stopping…');
        void relais.stop().then(resolve);
      };
      process.on('SIGINT', shutdown);
      process.on('SIGTERM', shutdown);
    });
    return 0;
  },
};
