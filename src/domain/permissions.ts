/**
 * Who among the platform's staff may do what: one table of role × action (issue 12, decision 47).
 * Every staff route names the action it performs (`permit(action)` in src/http/authentication.ts),
 * and a use case that acts for a person checks the same table with `authorize`; nothing else grants.
 * Browser-safe: the web reads it to show only what the signed-in person may do.
 */
import { WritError } from './errors.js';

/** Platform staff roles. `auditor` reads everything and changes nothing. */
export const staffRoles = ['reviewer', 'legal', 'human_rights', 'admin', 'auditor'] as const;
export type StaffRole = (typeof staffRoles)[number];

export const actions = [
  // orders
  'orders.read', // the queue, an order, its items, history, thread, attachments (each view of a private attachment is audited)
  'orders.record', // record an order (form, batch, import), register an authority
  'orders.manage', // status, deadline recompute, clarification requests, thread messages
  'orders.claim', // claim or release an order (one's own), assign
  'items.decide', // decide an item or an account (the final decision, once the stages allow)
  'review.policy', // the policy stage: does it break the platform's own rules?
  'review.legal', // the legal stage: is it unlawful where requested?
  'review.human_rights', // the human-rights stage (sensitive categories)
  'decisions.sign_off', // the second person's sign-off on a sensitive action
  'pushback.manage', // contest an order, record a court challenge and its outcome
  'notices.manage', // issue, hold and send user notices
  'appeals.decide', // decide a user's appeal (never the first decider)
  'data.manage', // preservation holds, productions, emergency reviews
  'enforcement.read', // enforcement actions and their confirmations
  'enforcement.manage', // retry dead-lettered enforcement calls
  'compliance.read',
  'compliance.manage', // the obligations register: figures, evidence, duties
  'users.manage', // staff accounts and their roles
  'agencies.manage', // verify, suspend agencies
  'outbox.manage', // read and retry the mail outbox
  'settings.manage', // review stages per reason category
  'audit.read', // the audit log, its verification and signed head
  'publications.prepare', // prepare an order's public record: choose its redactions (issue 13)
  'publications.approve', // approve a record for publication, correct a published one
  'publications.withdraw', // withdraw a published record (its tombstone stays)
] as const;
export type Action = (typeof actions)[number];

const everyone: readonly StaffRole[] = staffRoles;
const deciders: readonly StaffRole[] = ['reviewer', 'legal', 'human_rights'];

/** The table. A role not listed for an action may not perform it. */
export const permissionTable: Record<Action, readonly StaffRole[]> = {
  'orders.read': everyone,
  'orders.record': ['reviewer', 'legal'],
  'orders.manage': ['reviewer', 'legal'],
  'orders.claim': deciders,
  'items.decide': ['reviewer', 'legal'],
  'review.policy': ['reviewer', 'legal'],
  'review.legal': ['legal'],
  'review.human_rights': ['human_rights'],
  'decisions.sign_off': ['legal', 'human_rights'],
  'pushback.manage': ['legal'],
  'notices.manage': ['reviewer', 'legal'],
  'appeals.decide': deciders,
  'data.manage': ['reviewer', 'legal'],
  'enforcement.read': everyone,
  'enforcement.manage': ['admin'],
  'compliance.read': everyone,
  'compliance.manage': ['reviewer', 'legal', 'admin'],
  'users.manage': ['admin'],
  'agencies.manage': ['admin'],
  'outbox.manage': ['admin'],
  'settings.manage': ['admin'],
  'audit.read': ['admin', 'auditor'],
  'publications.prepare': deciders,
  'publications.approve': deciders,
  'publications.withdraw': ['legal', 'human_rights'],
};

export function can(role: StaffRole, action: Action): boolean {
  return permissionTable[action].includes(role);
}

/** The actions a role may perform (the web shows only these). */
export function actionsOf(role: StaffRole): Action[] {
  return actions.filter((action) => can(role, action));
}

/** Throws 403 `forbidden` unless the role may perform the action. */
export function authorize(actor: { role: StaffRole }, action: Action): void {
  if (!can(actor.role, action))
    throw new WritError('forbidden', `a ${actor.role.replace('_', '-')} account may not do this (${action})`);
}
