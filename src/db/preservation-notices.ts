/**
 * What a preservation hold tells the agency that sent its order through the channel (issue 11), in
 * the transaction of the change: before the hold expires, a reminder mail and a
 * `preservation.expiring` event, so that the agency can ask for the extension or send legal process.
 * Orders that did not come through the channel are left as they were.
 */
import { eq } from 'drizzle-orm';
import { formatInZone } from '../domain/regimes/time.js';
import { enqueueAgencyEvent } from './agency-events.js';
import { enqueueMail } from './outbox-repository.js';
import type { Tx } from './request-rows.js';
import { agencies, channelOrders, dataAccounts, officers, requests } from './schema/index.js';

type RemindedHold = { requestId: string; accountId: string; expiresAt: Date; extensions: number };

export async function noticeHoldReminder(tx: Tx, hold: RemindedHold): Promise<void> {
  const [row] = await tx
    .select({
      agencyId: channelOrders.agencyId,
      officerEmail: officers.email,
      contactEmail: agencies.contactEmail,
      reference: requests.reference,
      authorityReference: requests.authorityReference,
      timeZone: requests.authorityTimeZone,
    })
    .from(channelOrders)
    .innerJoin(agencies, eq(agencies.id, channelOrders.agencyId))
    .innerJoin(requests, eq(requests.id, channelOrders.requestId))
    .leftJoin(officers, eq(officers.id, channelOrders.submittedByOfficerId))
    .where(eq(channelOrders.requestId, hold.requestId));
  if (!row) return;
  const [account] = await tx
    .select({ identifier: dataAccounts.identifier, position: dataAccounts.position })
    .from(dataAccounts)
    .where(eq(dataAccounts.id, hold.accountId));
  const expires = formatInZone(hold.expiresAt, row.timeZone);
  const body = [
    'A preservation hold on an account named in your order expires soon.',
    '',
    `Writ reference: ${row.reference}`,
    ...(row.authorityReference ? [`Your reference: ${row.authorityReference}`] : []),
    `Account ${(account?.position ?? 0) + 1}: ${account?.identifier ?? hold.accountId}`,
    `Preserved until: ${expires} (${row.timeZone})`,
    '',
    'Unless legal process for this account arrives or the hold is extended, the preserved data is released at that time.',
  ].join('\n');
  await enqueueMail(tx, {
    kind: 'preservation_reminder',
    to: row.officerEmail ?? row.contactEmail,
    subject: `Preservation expiring on ${row.reference}`,
    body,
    agencyId: row.agencyId,
    requestId: hold.requestId,
  });
  await enqueueAgencyEvent(tx, {
    agencyId: row.agencyId,
    requestId: hold.requestId,
    eventType: 'preservation.expiring',
    payload: {
      orderId: hold.requestId,
      reference: row.reference,
      accountId: hold.accountId,
      expiresAt: hold.expiresAt.toISOString(),
      extensions: hold.extensions,
    },
  });
}
