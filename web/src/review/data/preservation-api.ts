/** The reviewer's calls on an account's preservation hold (issue 11): extend, release, link legal process. */
import type { z } from 'zod';
import type { holdLegalProcessSchema, holdNoteSchema } from '../../../../src/contracts/data-requests.js';
import { type RequestDetail, request } from '../../api.js';

export type HoldNote = z.output<typeof holdNoteSchema>;
export type HoldLegalProcess = z.output<typeof holdLegalProcessSchema>;

const enc = encodeURIComponent;
const holdPath = (id: string, accountId: string, action: string) =>
  `/api/v1/requests/${enc(id)}/accounts/${enc(accountId)}/hold/${action}`;

export const preservationApi = {
  extend: (id: string, accountId: string, body: HoldNote) =>
    request<RequestDetail>('POST', holdPath(id, accountId, 'extend'), { body }),
  release: (id: string, accountId: string, body: HoldNote) =>
    request<RequestDetail>('POST', holdPath(id, accountId, 'release'), { body }),
  linkLegalProcess: (id: string, accountId: string, body: HoldLegalProcess) =>
    request<RequestDetail>('POST', holdPath(id, accountId, 'legal-process'), { body }),
};
