/** Staff accounts and their roles: an admin adds, changes and disables them. (issue 12) */

// Placeholder of the foundation commit: the helper that owns this page fills it in.
export function UsersPage() {
  return null;
}
