/** The audit log's calls (/api/v1/admin/audit): verification, checkpoints. */
import { queryOptions } from '@tanstack/react-query';
import type {
  AuditCheckpointCreatedView,
  AuditCheckpointListView,
  AuditVerificationView,
} from '../../../../src/contracts/audit.js';
import { request } from '../../api.js';

const base = '/api/v1/admin/audit';

export const auditApi = {
  verify: () => request<AuditVerificationView>('GET', `${base}/verification`),
  checkpoints: (o: { signal?: AbortSignal } = {}) => request<AuditCheckpointListView>('GET', `${base}/checkpoints`, o),
  checkpoint: () => request<AuditCheckpointCreatedView>('POST', `${base}/checkpoints`),
};

export const auditCheckpointsKey = ['admin-audit-checkpoints'] as const;

export const auditCheckpointsQuery = () =>
  queryOptions({ queryKey: auditCheckpointsKey, queryFn: ({ signal }) => auditApi.checkpoints({ signal }) });
