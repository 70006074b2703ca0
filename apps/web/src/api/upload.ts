// File uploads with a progress bar: fetch cannot report upload progress, XMLHttpRequest can.
// Same contract as api/client.ts: the session cookie, the CSRF token, and a Russian ApiError on failure.
import { ApiError, NETWORK_MESSAGE, csrfHeaders, errorFromBody, reportSessionLost } from './client';

/**
 * POSTs `body` (multipart) to `url`, calling `onProgress(loaded, total)` as the bytes leave; resolves with the
 * parsed JSON answer (undefined for 204), rejects with ApiError carrying the server's message (and `issues`).
 */
export function uploadWithProgress(
  url: string,
  body: FormData,
  onProgress: (loaded: number, total: number) => void,
): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    for (const [name, value] of Object.entries(csrfHeaders())) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : 0);
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', NETWORK_MESSAGE));
    xhr.onabort = () => reject(new ApiError(0, 'ABORTED', 'Загрузка прервана.'));
    xhr.ontimeout = () => reject(new ApiError(0, 'NETWORK', NETWORK_MESSAGE));
    xhr.onload = () => {
      let payload: unknown = null;
      try {
        payload = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        payload = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(xhr.status === 204 ? undefined : payload);
        return;
      }
      if (xhr.status === 401) reportSessionLost();
      if (xhr.status === 413 && payload === null) {
        reject(new ApiError(413, 'TOO_LARGE', 'Файл слишком большой для загрузки.'));
        return;
      }
      reject(errorFromBody(xhr.status, payload));
    };
    xhr.send(body);
  });
}
