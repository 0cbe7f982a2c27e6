/** The staff account calls (/api/v1/admin/accounts) and their query. */
import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { accountListSchema, accountSchema, newAccountSchema } from '../../../../src/contracts/accounts.js';
import type { StaffRole } from '../../../../src/domain/permissions.js';
import { request } from '../../api.js';

export type Account = z.output<typeof accountSchema>;
export type AccountList = z.output<typeof accountListSchema>;
export type NewAccount = z.output<typeof newAccountSchema>;

const base = '/api/v1/admin/accounts';

export const usersApi = {
  list: (o: { signal?: AbortSignal } = {}) => request<AccountList>('GET', base, o),
  create: (body: NewAccount) => request<Account>('POST', base, { body }),
  change: (id: string, body: { role: StaffRole } | { disabled: boolean }) =>
    request<Account>('PATCH', `${base}/${encodeURIComponent(id)}`, { body }),
};

export const usersQueryKey = ['admin-accounts'] as const;
export const usersQuery = () => queryOptions({ queryKey: usersQueryKey, queryFn: ({ signal }) => usersApi.list({ signal }) });
