// The six capabilities, in the order the product presents them.
import type { Capability } from './platform/capability.ts';
import { listen } from './listen/index.ts';
import { map } from './map/index.ts';
import { spread } from './spread/index.ts';
import { publish } from './publish/index.ts';
import { engage } from './engage/index.ts';
import { reward } from './reward/index.ts';

export const CAPABILITIES: readonly Capability[] = [listen, map, spread, publish, engage, reward];
