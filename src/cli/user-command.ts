import { generatePassword } from '../platform/auth/password.ts';
import { isWorkspaceRole, WORKSPACE_ROLES } from '../platform/auth/roles.ts';
import { createUser, findWorkspace, listUsers, setMembership, setPassword, workspacesOf } from '../platform/auth/store.ts';
import { RelaisError } from '../platform/errors.ts';
import { requiredFlag, type Command } from '../platform/command.ts';

const HELP = `Usage:
  relais user add EMAIL [--name NAME] [--password PW] [--admin] [--workspace SLUG --role ROLE]
  relais user list [--json]
  relais user passwd EMAIL [--password PW]

add      creates a user; without --password one is generated and printed once.
         --workspace and --role make the user a member of a workspace
         (roles: ${WORKSPACE_ROLES.join(', ')}).
list     lists the users and their workspaces.
passwd   sets a new password (generated when not given) and ends the user's sessions.

Common options: --database URL, --json, -h/--help.`;

export const userCommand: Command = {
  name: 'user',
  summary: 'Add users, list them, change a password',
  help: HELP,
  positionals: true,
  options: { name: { type: 'string' }, password: { type: 'string' }, admin: { type: 'boolean' }, workspace: { type: 'string' }, role: { type: 'string' } },
  async run({ values, positionals }, io) {
    const [action, email, ...extra] = positionals;
    if (extra.length > 0) throw new RelaisError('RELAIS_CLI_USAGE', `Unexpected argument "${extra[0]}".`, { hint: 'see `relais user --help`' });
    const now = Date.now();
    if (action === 'list') {
      const users = await io.withDatabase(values, async (database) => {
        const all = await listUsers(database.db);
        return Promise.all(all.map(async (user) => ({ ...user, workspaces: (await workspacesOf(database.db, user)).map((w) => ({ slug: w.slug, role: w.role })) })));
      });
      if (values.json) io.out(JSON.stringify(users));
      else for (const u of users) io.out(`${u.email.padEnd(32)} ${u.name.padEnd(24)} ${u.isAdmin ? 'admin ' : ''}${u.workspaces.map((w) => `${w.slug}:${w.role}`).join(' ')}`);
      return;
    }
    if (action !== 'add' && action !== 'passwd') throw new RelaisError('RELAIS_CLI_USAGE', action ? `Unknown action "${action}".` : 'No action given.', { hint: 'use add, list or passwd; see `relais user --help`' });
    const address = requiredFlag(email, 'EMAIL', `relais user ${action} someone@example.org`);
    const password = typeof values.password === 'string' ? values.password : generatePassword();
    if (password.length < 8) throw new RelaisError('RELAIS_CLI_USAGE', 'A password needs at least 8 characters.', { field: '--password' });
    if (action === 'passwd') {
      await io.withDatabase(values, (database) => setPassword(database.db, address, password));
      if (values.json) io.out(JSON.stringify({ email: address, password: values.password ? undefined : password }));
      else io.out(values.password ? `Password changed for ${address}.` : `New password for ${address}: ${password}`);
      return;
    }
    const role = values.role;
    if ((role === undefined) !== (values.workspace === undefined)) throw new RelaisError('RELAIS_CLI_USAGE', '--workspace and --role go together.', { field: role === undefined ? '--role' : '--workspace' });
    if (typeof role === 'string' && !isWorkspaceRole(role)) throw new RelaisError('RELAIS_CLI_USAGE', `Unknown role "${role}".`, { field: '--role', hint: `use one of ${WORKSPACE_ROLES.join(', ')}` });
    const user = await io.withDatabase(values, (database) =>
      database.db.transaction().execute(async (trx) => {
        let workspace: { id: number } | undefined;
        if (typeof values.workspace === 'string') {
          workspace = await findWorkspace(trx, values.workspace);
          if (!workspace) throw new RelaisError('RELAIS_NOT_FOUND', `No workspace ${values.workspace}.`, { field: '--workspace' });
        }
        const created = await createUser(trx, { email: address, name: typeof values.name === 'string' ? values.name : address.split('@')[0]!, password, isAdmin: values.admin === true, now });
        if (workspace && typeof role === 'string' && isWorkspaceRole(role)) await setMembership(trx, workspace.id, created.id, role, now);
        return created;
      }),
    );
    if (values.json) io.out(JSON.stringify({ ...user, password: values.password ? undefined : password }));
    else io.out(`Created ${user.email}${values.password ? '' : ` with password ${password} (shown once)`}.`);
  },
};
