/**
 * The reviewer's calls on a data order's productions (issue 11): upload the produced files (with
 * the upload's progress, which fetch cannot report: XMLHttpRequest) and revoke a production.
 */
import type { z } from 'zod';
import type { productionSchema, revokeProductionSchema } from '../../../../src/contracts/data-requests.js';
import { request } from '../../api.js';
import { ApiError, asApiError, problemFrom } from '../../problem.js';

export type ProductionView = z.output<typeof productionSchema>;
export type RevokeProduction = z.output<typeof revokeProductionSchema>;

const enc = encodeURIComponent;

/** Sends the files as multipart/form-data (part `files`); `onProgress` gets the share sent, 0 to 1. */
function upload(id: string, files: readonly File[], onProgress: (share: number) => void): Promise<ProductionView> {
  const form = new FormData();
  for (const file of files) form.append('files', file, file.name);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1/requests/${enc(id)}/productions`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json, application/problem+json');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onerror = () => reject(asApiError(new Error('network error')));
    xhr.onload = () => {
      const response = new Response(xhr.responseText, {
        status: xhr.status,
        headers: { 'content-type': xhr.getResponseHeader('content-type') ?? 'application/json' },
      });
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        response.json().then((body) => resolve(body as ProductionView), reject);
      } else {
        problemFrom(response).then((problem) => reject(new ApiError(problem)), reject);
      }
    };
    xhr.send(form);
  });
}

export const productionApi = {
  upload,
  revoke: (id: string, productionId: string, body: RevokeProduction) =>
    request<ProductionView>('POST', `/api/v1/requests/${enc(id)}/productions/${enc(productionId)}/revoke`, { body }),
};
