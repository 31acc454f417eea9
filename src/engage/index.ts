// Engage: answering, together. Its issue builds the shared inbox, rota, SLA and escalation.
import type { Capability } from '../platform/capability.ts';

export const engage: Capability = { name: 'engage', status: 'coming', migrations: [] };
