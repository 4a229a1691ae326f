import { createContext, useContext, useEffect, useState } from 'react';
import { ApiError, Query, request, Role, withQuery } from './api';
import { Lang, LOCALES, translate, WordKey } from './i18n';

export interface ConsoleState {
  lang: Lang;
  keys: Partial<Record<Role, string>>;
  /** The as-of point the user chose for views 1–4, or undefined for now. */
  asOf?: string;
  /** Bumped by the live feed: views read again, waiting for this position (?minPosition=). */
  livePosition?: string;
}

export const ConsoleContext = createContext<ConsoleState>({ lang: 'en', keys: {} });

export function useConsole() {
  const state = useContext(ConsoleContext);
  const t = (key: WordKey, values?: Record<string, string | number>) => translate(state.lang, key, values);
  return { ...state, t, locale: LOCALES[state.lang] };
}

export interface Loaded<T> {
  data?: T;
  error?: Error;
  loading: boolean;
  reload: () => void;
}

/**
 * Loads `url` with `load` and the key of `role`; loads again when the URL changes or on
 * `reload`, aborting a load still running. Without a key of that role, a 403-shaped error.
 */
function useLoaded<T>(role: Role, url: string | undefined, load: (key: string, url: string, signal: AbortSignal) => Promise<T>): Loaded<T> {
  const key = useContext(ConsoleContext).keys[role];
  const [state, setState] = useState<{ data?: T; error?: Error; loading: boolean }>({ loading: true });
  const [nonce, setNonce] = useState(0);
  useEffect(() => {
    if (url === undefined) return;
    if (!key) {
      setState({ loading: false, error: new ApiError(403, 'role-forbidden', 'no key', { requiredRoles: [role] }) });
      return;
    }
    const controller = new AbortController();
    setState((previous) => ({ ...previous, loading: true }));
    load(key, url, controller.signal).then(
      (data) => setState({ data, loading: false }),
      (error: Error) => {
        if (error.name !== 'AbortError') setState({ error, loading: false });
      },
    );
    return () => controller.abort();
    // Not `load`: a new closure every render, a function of the URL and the key only.
  }, [url, key, nonce, role]);
  return { ...state, reload: () => setNonce((n) => n + 1) };
}

/**
 * Reads one API path with the key of the role it needs; reads again when the path, the
 * as-of point or the live position changes. Without a key of that role, a 403-shaped error.
 */
export function useApi<T>(role: Role, path: string | undefined, query: Query = {}, options: { asOf?: boolean; live?: boolean } = { asOf: true, live: true }): Loaded<T> {
  const { asOf, livePosition } = useContext(ConsoleContext);
  const effectiveQuery: Query = {
    ...query,
    ...(options.asOf && asOf ? { asOf } : {}),
    ...(options.live && !asOf && livePosition ? { minPosition: livePosition } : {}),
  };
  const url = path === undefined ? undefined : withQuery(path, effectiveQuery);
  return useLoaded(role, url, (key, at, signal) => request<T>(key, 'GET', at, undefined, signal));
}

/** Every page of a cursor-paged list (the demo's lists are a few hundred items at most). */
export function useAllPages<T>(role: Role, path: string, query: Query = {}, options?: { asOf?: boolean; live?: boolean }): Loaded<{ items: T[]; position: string }> {
  const { asOf, livePosition } = useContext(ConsoleContext);
  const useAsOf = options?.asOf ?? true;
  const useLive = options?.live ?? true;
  const base: Query = {
    ...query,
    limit: 200,
    ...(useAsOf && asOf ? { asOf } : {}),
    ...(useLive && !(useAsOf && asOf) && livePosition ? { minPosition: livePosition } : {}),
  };
  return useLoaded(role, withQuery(path, base), async (key, url, signal) => {
    const items: T[] = [];
    let cursor: string | undefined;
    let position = '0';
    for (let page = 0; page < 50; page += 1) {
      const answer = await request<{ items: T[]; nextCursor?: string; position: string }>(key, 'GET', cursor ? `${url}&cursor=${encodeURIComponent(cursor)}` : url, undefined, signal);
      items.push(...answer.items);
      position = answer.position;
      cursor = answer.nextCursor;
      if (!cursor) break;
    }
    return { items, position };
  });
}
