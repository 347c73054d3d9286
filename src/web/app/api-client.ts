/**
 * The one HTTP client of the web app: JSON over fetch with the session
 * cookie, turning the server's `{error: {code, message, details}}` into ApiError.
 */

/** A field the server rejected, as listed in `details.fields`. */
export interface FieldProblem {
  field: string;
  label?: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }

  /** Field problems from `details.fields`, empty when the server listed none. */
  get fieldProblems(): FieldProblem[] {
    const fields = (this.details as { fields?: unknown } | null | undefined)?.fields;
    if (!Array.isArray(fields)) return [];
    return fields.filter(
      (item): item is FieldProblem => typeof item === 'object' && item !== null && typeof (item as FieldProblem).field === 'string',
    );
  }
}

const networkFailureMessage = '无法连接服务器，请检查网络后重试。';

/** Time of the last answered request, so the idle check knows when the server's idle clock started. */
let lastResponseAt = Date.now();

export function lastServerContactAt(): number {
  return lastResponseAt;
}

export type QueryValue = string | number | boolean | null | undefined;

export function withQuery(path: string, query: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

async function errorFromResponse(response: Response): Promise<ApiError> {
  const fallback = `服务器返回错误（HTTP ${response.status}），请稍后重试。`;
  try {
    const body = (await response.json()) as { error?: { code?: string; message?: string; details?: unknown } };
    if (body.error?.code) {
      return new ApiError(response.status, body.error.code, body.error.message ?? fallback, body.error.details);
    }
  } catch {
    // Not JSON (a proxy's error page, for example): fall through to the generic message.
  }
  return new ApiError(response.status, `HTTP_${response.status}`, fallback);
}

async function send(path: string, init: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'same-origin', ...init });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', networkFailureMessage);
  }
  lastResponseAt = Date.now();
  if (!response.ok) throw await errorFromResponse(response);
  return response;
}

async function readJson<T>(response: Response): Promise<T> {
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

export async function apiGet<T>(path: string, query: Record<string, QueryValue> = {}): Promise<T> {
  const response = await send(withQuery(path, query), { headers: { Accept: 'application/json' } });
  return readJson<T>(response);
}

export async function apiSend<T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T> {
  const init: RequestInit = { method, headers: { Accept: 'application/json' } };
  if (body !== undefined) {
    init.headers = { Accept: 'application/json', 'Content-Type': 'application/json' };
    init.body = JSON.stringify(body);
  }
  const response = await send(path, init);
  return readJson<T>(response);
}

/** Uploads one file as multipart form data under `field`. */
export async function apiUpload<T>(path: string, field: string, file: File): Promise<T> {
  const form = new FormData();
  form.append(field, file, file.name);
  const response = await send(path, { method: 'POST', body: form, headers: { Accept: 'application/json' } });
  return readJson<T>(response);
}

/** Downloads a file and saves it under the name the server suggests, or `fallbackName`. */
export async function apiDownload(path: string, fallbackName: string): Promise<void> {
  const response = await send(path, {});
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  const plain = /filename="?([^";]+)"?/i.exec(disposition)?.[1];
  const name = encoded ? decodeURIComponent(encoded) : (plain ?? fallbackName);

  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

/** The message to show for any thrown value; server messages are already Chinese. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return '操作失败，请稍后重试。';
}
