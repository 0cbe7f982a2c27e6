/** The web's calls for user notices and appeals (issue 12). */
import type { AppealWire, NoticeWire } from '../../../../src/contracts/notices.js';
import { request } from '../../api.js';

export type { AppealWire, NoticeWire };

const enc = encodeURIComponent;

export const noticesApi = {
  ofRequest: (id: string, o: { signal?: AbortSignal } = {}) =>
    request<{ notices: NoticeWire[] }>('GET', `/api/v1/requests/${enc(id)}/notices`, o),
  due: (o: { signal?: AbortSignal } = {}) => request<{ notices: NoticeWire[] }>('GET', '/api/v1/notices?status=due', o),
  openAppeals: (o: { signal?: AbortSignal } = {}) => request<{ appeals: AppealWire[] }>('GET', '/api/v1/appeals?status=open', o),
  issue: (id: string, body: { itemId?: string; accountId?: string; recipient: string; recipientEmail?: string }) =>
    request<NoticeWire>('POST', `/api/v1/requests/${enc(id)}/notices`, { body }),
  send: (id: string, noticeId: string) =>
    request<NoticeWire>('POST', `/api/v1/requests/${enc(id)}/notices/${enc(noticeId)}/send`),
  cancel: (id: string, noticeId: string, note: string) =>
    request<NoticeWire>('POST', `/api/v1/requests/${enc(id)}/notices/${enc(noticeId)}/cancel`, { body: { note } }),
  decideAppeal: (id: string, appealId: string, body: { outcome: 'upheld' | 'reversed'; note: string }) =>
    request<AppealWire>('POST', `/api/v1/requests/${enc(id)}/appeals/${enc(appealId)}/decision`, { body }),
};

export const noticesQueryKey = ['notices'] as const;
