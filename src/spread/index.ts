// Spread: what will travel, and from whom. Its issue builds diffusion, influence maximisation and
// true reach over Map's graph.
import type { Capability } from '../platform/capability.ts';

export const spread: Capability = { name: 'spread', status: 'coming', migrations: [] };
