/**
 * Claiming and releasing orders, and assigning them (issue 12, queue work). Each change takes the
 * request's row lock, so that of two people claiming the same order at once exactly one wins, and
 * writes the new assignee and an `events` row (before and after) in the same transaction.
 */
import { eq } from 'drizzle-orm';
import type { Clock } from '../app/context.js';
import { notFound, WritError } from '../domain/errors.js';
import type { Actor } from '../domain/request.js';
import type { Db } from './connection.js';
import { lockRequest, type Tx } from './request-rows.js';
import { events, requests, users } from './schema/index.js';

export type Assignee = { id: string; name: string };

async function currentAssignee(tx: Tx, requestId: string): Promise<Assignee | null> {
  const [row] = await tx
    .select({ id: users.id, name: users.name })
    .from(requests)
    .innerJoin(users, eq(users.id, requests.assigneeId))
    .where(eq(requests.id, requestId));
  return row ?? null;
}

export function claimsRepository(db: Db, now: Clock) {
  async function setAssignee(
    tx: Tx,
    requestId: string,
    change: { type: 'order_claimed' | 'order_released' | 'order_assigned'; from: Assignee | null; to: Assignee | null },
    actor: Actor,
    note: string | null,
  ) {
    const at = now();
    await tx
      .update(requests)
      .set({ assigneeId: change.to?.id ?? null, assignedAt: change.to ? at : null, updatedAt: at })
      .where(eq(requests.id, requestId));
    await tx.insert(events).values({
      requestId,
      type: change.type,
      actorId: actor.id,
      at,
      before: { assignee: change.from },
      after: { assignee: change.to },
      note,
    });
  }

  return {
    /** The account `actor` takes the order; 409 naming the holder when someone else has it. Claiming one's own claim again changes nothing. */
    async claim(requestId: string, actor: Actor): Promise<void> {
      await db.transaction(async (tx) => {
        await lockRequest(tx, requestId);
        const holder = await currentAssignee(tx, requestId);
        if (holder?.id === actor.id) return;
        if (holder) throw new WritError('conflict', `${holder.name} has already claimed this order`);
        await setAssignee(
          tx,
          requestId,
          { type: 'order_claimed', from: null, to: { id: actor.id, name: actor.name } },
          actor,
          null,
        );
      });
    },

    /** The assignee gives the order back; nobody else may release another's claim. */
    async release(requestId: string, actor: Actor): Promise<void> {
      await db.transaction(async (tx) => {
        await lockRequest(tx, requestId);
        const holder = await currentAssignee(tx, requestId);
        if (!holder) throw new WritError('conflict', 'nobody has claimed this order');
        if (holder.id !== actor.id)
          throw new WritError('forbidden', `${holder.name} holds this order; only they may release it (or it is reassigned)`);
        await setAssignee(tx, requestId, { type: 'order_released', from: holder, to: null }, actor, null);
      });
    },

    /**
     * Gives the order to `to` (whom `mayHold` accepts), or to nobody. The account is read inside
     * the transaction, so that a disabled account or one whose role cannot claim is refused.
     */
    async assign(
      requestId: string,
      to: string | null,
      note: string | null,
      actor: Actor,
      mayHold: (user: { role: (typeof users.$inferSelect)['role']; disabledAt: Date | null }) => boolean,
    ): Promise<void> {
      await db.transaction(async (tx) => {
        await lockRequest(tx, requestId);
        const holder = await currentAssignee(tx, requestId);
        let next: Assignee | null = null;
        if (to !== null) {
          const [user] = await tx
            .select({ id: users.id, name: users.name, role: users.role, disabledAt: users.disabledAt })
            .from(users)
            .where(eq(users.id, to));
          if (!user) throw new WritError('validation_failed', `account ${to} does not exist`, 'userId');
          if (!mayHold(user))
            throw new WritError(
              'validation_failed',
              user.disabledAt
                ? `${user.name}'s account is disabled`
                : `${user.name} is a ${user.role.replace('_', '-')} account, which may not hold orders`,
              'userId',
            );
          next = { id: user.id, name: user.name };
        }
        if ((holder?.id ?? null) === (next?.id ?? null)) return;
        await setAssignee(tx, requestId, { type: 'order_assigned', from: holder, to: next }, actor, note);
      });
    },

    /** Whether a request exists (for a clean 404 before work that does not lock it). */
    async assertExists(requestId: string): Promise<void> {
      const [row] = await db.select({ id: requests.id }).from(requests).where(eq(requests.id, requestId));
      if (!row) throw notFound('request', requestId);
    },
  };
}
export type ClaimsRepository = ReturnType<typeof claimsRepository>;
