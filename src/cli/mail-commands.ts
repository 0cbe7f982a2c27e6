/**
 * `writ mail list`: the mail outbox with each mail's text, for whoever runs the server. Where no
 * SMTP server is configured yet (a first trial, a development machine), mails wait in the outbox,
 * and this is how the operator reads an invitation link; the web's admin page shows no mail's text,
 * since invitation and sign-in links must not be readable by every admin in a browser.
 */

import type { Command } from 'commander';
import { Option } from 'commander';
import { outboxPage } from '../app/mail.js';
import type { Config } from '../config.js';
import { withDatabase } from './database.js';
import { formatOption, type OutputFormat, print } from './output.js';

const statuses = ['queued', 'sending', 'sent', 'failed'] as const;

type Listed = Awaited<ReturnType<typeof outboxPage>>;

function mailText(page: Listed): string {
  const head = page.smtpConfigured
    ? `${page.total} mail(s)`
    : `${page.total} mail(s); no SMTP server is configured (WRIT_SMTP_URL), so mails wait, queued, until one is`;
  const mails = page.mails.map((m) =>
    [
      `── ${m.kind} · ${m.status}${m.attempts ? ` after ${m.attempts} attempt(s)` : ''} · ${m.createdAt.toISOString()} · ${m.id}`,
      `To: ${m.to}`,
      `Subject: ${m.subject}`,
      ...(m.lastError ? [`Last error: ${m.lastError}`] : []),
      '',
      m.body,
    ].join('\n'),
  );
  return [head, ...mails].join('\n\n');
}

export function registerMailCommands(program: Command, config: () => Config): void {
  program
    .command('mail')
    .description('the mail outbox')
    .command('list')
    .description("mails newest first, with their text (read an invitation's link where no SMTP server is configured)")
    .addOption(new Option('--status <status>', 'only mails in this state').choices(statuses))
    .addOption(new Option('--limit <n>', 'at most this many').default('20').argParser((v) => Number.parseInt(v, 10)))
    .addOption(formatOption())
    .action(async (options: { status?: (typeof statuses)[number]; limit: number; format: OutputFormat }) => {
      const limit = Number.isFinite(options.limit) && options.limit > 0 ? Math.min(options.limit, 500) : 20;
      const page = await withDatabase(config(), (writ) => outboxPage(writ, { status: options.status, limit, offset: 0 }));
      print(options.format, page, mailText);
    });
}
