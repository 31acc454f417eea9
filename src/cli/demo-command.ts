import { RelaisError } from '../platform/errors.ts';
import { progressBar } from '../platform/progress.ts';
import { loadDemo } from '../demo-setup.ts';
import { choiceFlag, intFlag, type Command } from '../platform/command.ts';

export const demoCommand: Command = {
  name: 'demo',
  summary: 'Load the demo world (a brand, its network, 60 days of mentions, a contest)',
  help: `Usage: relais demo [--size small|medium|large] [--seed N] [--database URL] [--json]

Generates the demo world — deterministic for a seed — and loads it as a new workspace.
Refuses when the demo workspace exists already: nothing is overwritten.

Sizes: small ≈ 2,000 accounts (tests), medium ≈ 20,000 accounts, 200,000 ties and
300,000 mentions (the default), large ≈ 200,000 accounts (benchmarks).`,
  options: { size: { type: 'string' }, seed: { type: 'string' } },
  async run({ values }, io) {
    const size = choiceFlag(values.size, '--size', ['small', 'medium', 'large'] as const, 'medium');
    const seed = intFlag(values.seed, '--seed', 1);
    const bar = progressBar(process.stderr, { enabled: io.interactive && !values.json });
    const result = await io.withDatabase(values, async (database) => {
      const existing = await database.db.selectFrom('users').select('id').where('email', 'like', '%@demo.relais').limit(1).executeTakeFirst();
      if (existing) throw new RelaisError('RELAIS_CONFLICT', 'This database has the demo world already; nothing was changed.', { hint: 'use another database with --database to load another one' });
      return loadDemo(database, { size, seed }, (done, total, label) => bar.update(done, total, label));
    });
    bar.finish();
    if (values.json) io.out(JSON.stringify({ seconds: result.seconds, summary: result.summary }));
    else io.out(`Loaded the ${size} demo world (seed ${seed}) in ${result.seconds.toFixed(1)} s: ${JSON.stringify(result.summary.counts)}`);
  },
};
