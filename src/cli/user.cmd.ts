/**
 * CLI: the survey team's users. `user add --email E` asks for a password (or reads it from
 * standard input with --password-stdin) and creates the user or sets a new password.
 */
import readline from 'node:readline';
import type { Command } from 'commander';
import { addUser, listUsers, type UserRole, userRoles } from '../auth/user.service.ts';
import { invalid } from '../shared/errors.ts';
import { msg } from '../shared/i18n/message.ts';
import { shorten } from '../shared/text.ts';
import { withStore } from './context.ts';
import { printJson, printTable, say } from './output.ts';

async function readStdinLine(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

/** Asks on the terminal without echoing what is typed. */
function askHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const out = rl as unknown as { _writeToOutput: (s: string) => void; output: NodeJS.WritableStream };
    out._writeToOutput = (s: string) => {
      if (s.includes(question)) out.output.write(s);
    };
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
  });
}

export function userCommands(program: Command): void {
  const user = program.command('user').description("the survey team's logins (admin: runs the survey; analyst: reads only)");
  user
    .command('add')
    .description('add a user, or set a new password for an existing one')
    .requiredOption('--email <email>', 'e-mail address (the login name)')
    .option('--name <name>', 'name shown in the pages and the follow-up log')
    .option('--role <role>', `role: ${userRoles.join(' or ')}`, 'admin')
    .option('--password-stdin', 'read the password from standard input instead of asking')
    .action(async (opts: { email: string; name?: string; role: string; passwordStdin?: boolean }) => {
      if (!(userRoles as readonly string[]).includes(opts.role))
        throw invalid(msg('cli.not_user_role', { value: shorten(opts.role), known: userRoles }));
      let password: string;
      if (opts.passwordStdin || !process.stdin.isTTY) password = await readStdinLine();
      else {
        password = await askHidden('Passord: ');
        if ((await askHidden('Gjenta passordet: ')) !== password) throw invalid(msg('cli.passwords_differ'));
      }
      const r = await withStore((store) =>
        addUser(store, { email: opts.email, password, role: opts.role as UserRole, ...(opts.name ? { name: opts.name } : {}) }),
      );
      say(
        r.created
          ? `added ${r.user.email} (${r.user.role})`
          : `set a new password for ${r.user.email} (${r.user.role}); old sessions ended`,
      );
    });
  user
    .command('list')
    .description('list the users')
    .option('--json', 'JSON output')
    .action(async (opts: { json?: boolean }) => {
      const users = await withStore((store) => listUsers(store));
      if (opts.json) return printJson(users.map((u) => ({ email: u.email, name: u.name, role: u.role, disabled: u.disabled })));
      printTable(
        ['email', 'name', 'role', 'status'],
        users.map((u) => [u.email, u.name, u.role, u.disabled ? 'disabled' : 'active']),
      );
    });
}
