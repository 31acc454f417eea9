// Bought fans (seed 001: "des marques qui s'auto-congratulent d'avoir 100 000 fans"): three
// ordinary accounts whose follower count was inflated by a block of fake accounts — silent
// (they never post), created within the same hour, with empty bios — plus an off-graph crowd
// of the same kind. Map's fan quality must see through it. Applied last, on its own random
// stream, to accounts that wrote nothing: the mentions and every other part stay as they were.
import type { Cast } from './accounts.ts';
import type { DemoAccount, DemoGraph, DemoMention } from './model.ts';
import type { Random } from './random.ts';

const HOUR = 3_600_000;
const DAY = 86_400_000;

/** How many inflated accounts, and bots per account (a share of the world, at least 30, as many as there are silent accounts). */
export const INFLATED = { accounts: 3, botShare: 0.015, minBots: 30, offGraphPerBot: 40 };

/** Turns silent accounts into bought followers of three ordinary accounts; returns the new graph. */
export function inflateFans(accounts: DemoAccount[], graph: DemoGraph, mentions: readonly DemoMention[], cast: Cast, random: Random, now: number): DemoGraph {
  const n = accounts.length;
  const posted = new Uint8Array(n);
  for (const m of mentions) posted[m.author] = 1;
  const inDegree = new Int32Array(n), firstTie = new Float64Array(n).fill(Infinity);
  for (let e = 0; e < graph.size; e++) {
    inDegree[graph.target[e]!]!++;
    for (const u of [graph.source[e]!, graph.target[e]!]) firstTie[u] = Math.min(firstTie[u]!, graph.at[e]!);
  }
  const special = new Set([...cast.brand, ...cast.competitors, ...cast.employees, ...cast.ambassadors, cast.badBuzzAuthor]);
  const ordinary = (a: DemoAccount) => a.kind === 'person' && !a.affiliation && !special.has(a.index);
  // Small accounts that post: a bought crowd is most of their followers.
  const targets = random.sample(accounts.filter((a) => ordinary(a) && posted[a.index] && inDegree[a.index]! >= 5 && inDegree[a.index]! <= 25).map((a) => a.index), INFLATED.accounts);
  const pool = random.sample(accounts.filter((a) => ordinary(a) && !posted[a.index] && inDegree[a.index]! <= 3 && !targets.includes(a.index)).map((a) => a.index), n);
  const perTarget = Math.min(Math.max(INFLATED.minBots, Math.round(n * INFLATED.botShare)), Math.floor(pool.length / INFLATED.accounts));
  const added: Array<[number, number, number]> = [];
  targets.forEach((target, t) => {
    const bots = pool.slice(t * perTarget, (t + 1) * perTarget);
    if (bots.length === 0) return;
    // All created within one hour, no later than anything they did before.
    const hour = Math.floor(Math.min(...bots.map((b) => Math.min(accounts[b]!.created_at, firstTie[b]!))) / HOUR) * HOUR;
    for (const b of bots) {
      const bot = accounts[b]!;
      bot.created_at = Math.min(bot.created_at, firstTie[b]!, hour + random.int(0, HOUR - 1));
      bot.bio = null;
      added.push([b, target, Math.round(random.float(Math.max(bot.created_at, now - 30 * DAY), now - DAY))]);
    }
    accounts[target]!.followers += bots.length + bots.length * INFLATED.offGraphPerBot;
  });
  // Merge the new ties into the sorted, duplicate-free arrays.
  const existing = new Set<number>();
  for (let e = 0; e < graph.size; e++) existing.add(graph.source[e]! * n + graph.target[e]!);
  const fresh = added.filter(([s, t]) => !existing.has(s * n + t)).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const size = graph.size + fresh.length;
  const out: DemoGraph = { size, source: new Int32Array(size), target: new Int32Array(size), at: new Float64Array(size) };
  let i = 0, j = 0;
  for (let k = 0; k < size; k++) {
    const takeOld = j >= fresh.length || (i < graph.size && (graph.source[i]! < fresh[j]![0] || (graph.source[i] === fresh[j]![0] && graph.target[i]! < fresh[j]![1])));
    if (takeOld) { out.source[k] = graph.source[i]!; out.target[k] = graph.target[i]!; out.at[k] = graph.at[i]!; i++; }
    else { [out.source[k], out.target[k], out.at[k]] = fresh[j]!; accounts[fresh[j]![0]]!.following += 1; j++; }
  }
  return out;
}
