/**
 * The demo's staff besides the reviewer (issue 12): one account of each role, so that whoever tries
 * Writ can walk an order through policy, legal and human-rights review and the second sign-off, and
 * see what an admin and an auditor see. Same password as the demo reviewer; only on demo installations.
 */
import type { StaffRole } from '../domain/permissions.js';
import { demoReviewer } from './demo-data.js';

export const demoStaff: readonly { email: string; name: string; role: StaffRole; password: string }[] = [
  { email: 'legal@writ.example', name: 'Demo Lawyer', role: 'legal', password: demoReviewer.password },
  { email: 'rights@writ.example', name: 'Demo Human-Rights Reviewer', role: 'human_rights', password: demoReviewer.password },
  { email: 'admin@writ.example', name: 'Demo Admin', role: 'admin', password: demoReviewer.password },
  { email: 'auditor@writ.example', name: 'Demo Auditor', role: 'auditor', password: demoReviewer.password },
];
