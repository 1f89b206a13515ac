// `npm run accounts -- invite --county <id> --role <role> --id <id> --name <name> [--subject <id>]`
// for the operator of the machine: the only way to invite a province reader (no --county) or the
// first staff of a new county (--county-name creates the county). Also `reissue --id <id>`.
// Prints the one-time code; the invited user sets their password with it (POST /api/invitations/acceptance).
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { roles, type Role } from '../contracts/roles.js';
import { audited } from '../db/audit.js';
import { createDb } from '../db/client.js';
import { migrate } from '../db/migrate.js';
import { InvitationError, inviteUser, issueInvitation } from './invitations.js';

const usage = [
  'usage: accounts invite --county <id> [--county-name <name>] --role <role> --id <id> --name <name> [--subject <id>]',
  '       accounts invite --role province-reader --id <id> --name <name>',
  '       accounts reissue --id <id>',
  `roles: ${roles.join(', ')}`,
].join('\n');

/** Who the audit rows of the command name. */
export const operator = 'system:accounts-cli';

class UsageError extends Error {}

export interface CliIo {
  databaseUrl: string;
  out(line: string): void;
  err(line: string): void;
  now?: () => Date;
}

export async function accountsCli(args: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        county: { type: 'string' },
        'county-name': { type: 'string' },
        role: { type: 'string' },
        id: { type: 'string' },
        name: { type: 'string' },
        subject: { type: 'string' },
      },
    });
  } catch (err) {
    io.err(`accounts: ${(err as Error).message}\n${usage}`);
    return 2;
  }
  const { positionals, values } = parsed;
  const now = io.now ?? (() => new Date());
  try {
    const command = positionals[0];
    if (positionals.length !== 1 || (command !== 'invite' && command !== 'reissue')) throw new UsageError('expected one command: invite or reissue');
    if (!values.id) throw new UsageError('--id is required');
    if (command === 'invite') {
      if (!values.role || !(roles as readonly string[]).includes(values.role)) throw new UsageError(`--role: expected one of ${roles.join(', ')}`);
      if (!values.name) throw new UsageError('--name is required');
      if (values.role !== 'province-reader' && !values.county) throw new UsageError('--county is required for every role but province-reader');
    }
    await migrate(io.databaseUrl);
    const db = createDb(io.databaseUrl);
    try {
      const { user, invitation } = await db.$transaction(async (tx) => {
        const at = now();
        if (command === 'reissue') {
          const u = await tx.user.findUnique({ where: { id: values.id! } });
          if (!u) throw new InvitationError(404, '/id', `user ${values.id} does not exist`);
          if (u.disabledAt) throw new InvitationError(409, '/id', `user ${values.id} is disabled`);
          return { user: u, invitation: await issueInvitation(tx, u.id, at, operator) };
        }
        const countyId = values.county ?? null;
        if (countyId && values['county-name'] && !(await tx.county.findUnique({ where: { id: countyId } }))) {
          const county = await tx.county.create({ data: { id: countyId, name: values['county-name'] } });
          await audited(tx, operator, { action: 'create', entity: 'County', entityId: county.id, after: county });
        }
        return inviteUser(
          tx,
          { id: values.id!, displayName: values.name!, role: values.role as Role, countyId, subjectId: values.subject ?? null },
          at,
          operator,
        );
      });
      io.out(`Invited ${user.id} (${user.role}${user.countyId ? `, county ${user.countyId}` : ', province'}).`);
      io.out(`Invitation code (shown once, valid until ${invitation.expiresAt.toISOString()}):`);
      io.out(invitation.code);
      return 0;
    } finally {
      await db.$disconnect();
    }
  } catch (err) {
    if (err instanceof UsageError) io.err(`accounts: ${err.message}\n${usage}`);
    else if (err instanceof InvitationError) {
      const option = { '/countyId': '--county', '/subjectId': '--subject', '/id': '--id', '/role': '--role' }[err.pointer] ?? err.pointer;
      io.err(`accounts: ${option}: ${err.message}${err.pointer === '/countyId' && err.status === 404 ? ' (add --county-name <name> to create it)' : ''}`);
    } else throw err;
    return 2;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await accountsCli(process.argv.slice(2), {
    databaseUrl: loadConfig().databaseUrl,
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
  });
}
