// The one place that talks to the server: JSON in and out, the session cookie (same origin),
// the CSRF token on every state-changing request, and `{error:{code,message,details}}` turned into ApiError.

export interface ErrorDetail {
  path: string;
  message: string;
}

/** A problem of a refused form (code FORM_INVALID), located by sheet, row, column and cell. */
export interface ErrorIssue {
  sheet: string;
  row: number;
  column: string | null;
  cell: string | null;
  message: string;
}

/** A failed request; `message` is Russian and is shown to the user as is. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
    /** the problems of a refused form submission or upload, each with its cell */
    readonly issues: ErrorIssue[] = [],
    /** the response body as received, for callers that need more than the message */
    readonly body: unknown = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const NETWORK_MESSAGE = 'Нет связи с сервером. Проверьте подключение к интернету и повторите попытку.';

let csrfToken: string | null = null;
let onSessionLost: (() => void) | null = null;

/** The token comes with /api/me and with the login response. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The headers a state-changing request needs besides its body (the CSRF token of the session). */
export function csrfHeaders(): Record<string, string> {
  return csrfToken ? { 'x-csrf-token': csrfToken } : {};
}

/** Called when the server answers 401 to a signed-in request: the session has ended. */
export function setSessionLostHandler(handler: (() => void) | null): void {
  onSessionLost = handler;
}

/** The session ended under a request (401): the cabinet goes back to the login form. */
export function reportSessionLost(): void {
  onSessionLost?.();
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

/** Also used by the XMLHttpRequest upload (api/upload.ts), so both report errors alike. */
export function errorFromBody(status: number, body: unknown): ApiError {
  const err = isRecord(body) ? body.error : undefined;
  if (isRecord(err) && typeof err.message === 'string') {
    const details = Array.isArray(err.details)
      ? err.details.filter(isRecord).map((d) => ({ path: String(d.path ?? ''), message: String(d.message ?? '') }))
      : [];
    const issues = Array.isArray(err.issues) ? err.issues.filter(isRecord).map(toIssue) : [];
    const code = typeof err.code === 'string' ? err.code : 'ERROR';
    return new ApiError(status, code, err.message, details, issues, body);
  }
  if (status >= 500) return new ApiError(status, 'SERVER', 'Сервер временно недоступен. Повторите попытку позже.');
  return new ApiError(status, 'HTTP', `Запрос не выполнен (код ${status}).`);
}

function toIssue(i: Record<string, unknown>): ErrorIssue {
  const text = (v: unknown) => (typeof v === 'string' ? v : null);
  return {
    sheet: String(i.sheet ?? ''),
    row: typeof i.row === 'number' ? i.row : 0,
    column: text(i.column),
    cell: text(i.cell),
    message: String(i.message ?? ''),
  };
}

/** Anything thrown while talking to the server, as an ApiError. */
export function toApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  return new ApiError(0, 'NETWORK', NETWORK_MESSAGE);
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

async function request<T>(method: Method, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  } catch (e) {
    if (signal?.aborted) throw e;
    throw new ApiError(0, 'NETWORK', NETWORK_MESSAGE);
  }
  if (res.status === 204) return undefined as T;
  const payload: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const error = errorFromBody(res.status, payload);
    const signingIn = path === '/api/auth/login' || path === '/api/me';
    if (res.status === 401 && !signingIn) reportSessionLost();
    throw error;
  }
  return payload as T;
}

export const api = {
  get: <T>(path: string, signal?: AbortSignal) => request<T>('GET', path, undefined, signal),
  post: <T = void>(path: string, body?: unknown) => request<T>('POST', path, body),
  put: <T = void>(path: string, body: unknown) => request<T>('PUT', path, body),
  delete: (path: string) => request<void>('DELETE', path),
};
