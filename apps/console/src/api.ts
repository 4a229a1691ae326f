/** The roles an API key can have (the server's apps/api/src/auth/role.ts). */
export type Role = 'service' | 'analyst' | 'auditor' | 'admin' | 'operator';

/** An error answer of the API: `{ error, code, message, details? }`, plus the status. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }

  /** The roles a 403 names (details.requiredRoles), so a page can say which key it needs. */
  get requiredRoles(): Role[] {
    const details = this.details as { requiredRoles?: Role[] } | undefined;
    return Array.isArray(details?.requiredRoles) ? details.requiredRoles : [];
  }
}

export type Query = Record<string, string | number | undefined>;

export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(name, String(value));
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** Calls the API on this origin with a key in the Authorization header (never in a URL). */
export async function request<T>(key: string, method: 'GET' | 'POST', path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal,
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, 'network', 'the server could not be reached');
  }
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    throw new ApiError(response.status, 'not-json', `the server answered ${response.status} with something that is not JSON`);
  }
  if (!response.ok) {
    const error = (parsed ?? {}) as { code?: string; message?: string; details?: unknown };
    throw new ApiError(response.status, error.code ?? 'error', error.message ?? `the server answered ${response.status}`, error.details);
  }
  return parsed as T;
}

/**
 * Which role a key has, asked of the API itself: a read of one pairing succeeds for an
 * analyst; any other role gets a 403 that names the key's role; an unknown key a 401.
 */
export async function roleOf(key: string): Promise<Role> {
  try {
    await request(key, 'GET', '/pairings?limit=1');
    return 'analyst';
  } catch (error) {
    if (error instanceof ApiError && error.status === 403) {
      const role = (error.details as { role?: Role } | undefined)?.role;
      if (role) return role;
    }
    throw error;
  }
}

const STORAGE = 'c2g-console-keys';

/** Keys by role, for this browser tab only (sessionStorage: gone when the tab closes). */
export function loadKeys(): Partial<Record<Role, string>> {
  try {
    return JSON.parse(sessionStorage.getItem(STORAGE) ?? '{}') as Partial<Record<Role, string>>;
  } catch {
    return {};
  }
}

export function saveKeys(keys: Partial<Record<Role, string>>): void {
  if (Object.keys(keys).length === 0) sessionStorage.removeItem(STORAGE);
  else sessionStorage.setItem(STORAGE, JSON.stringify(keys));
}
