// Listen's alerts: rules (spike, negative surge, influential author turning negative, keyword)
// evaluated every minute and after each ingested batch; alerts recorded once with their
// figures, explanation and timeline (the escalation record Engage builds on), shown live in
// the app and sent by signed webhook.
export { alertCommands } from './commands.ts';
export { registerAlerts, startAlerts } from './register.ts';
export type { AlertTables } from './tables.ts';
export { alertMigrations } from './migrations.ts';
export type { Rule, RuleKind, Firing, AlertStatus } from './model.ts';
export type { Alert, AlertEvent } from './store.ts';
export { appendEvent, findAlert, alertTimeline, listAlerts } from './store.ts';
