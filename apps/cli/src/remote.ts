/** Options of commands that can also ask a running server instead of the local data directory. */
export interface RemoteOptions {
  url?: string;
  key?: string;
}

/** GETs a path of a running c2g server with an API key; a non-2xx answer becomes an error naming it. */
export async function remoteGet(options: RemoteOptions, path: string): Promise<any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  if (!options.key) throw new Error('--url needs --key <API key> (auditor for audit commands, analyst for reports)');
  const response = await fetch(`${options.url!.replace(/\/$/, '')}${path}`, { headers: { authorization: `Bearer ${options.key}` } });
  const body = (await response.json().catch(() => ({}))) as any; // eslint-disable-line @typescript-eslint/no-explicit-any
  if (!response.ok) throw new Error(`${response.status} ${body.code ?? ''}: ${body.message ?? 'request failed'}`);
  return body;
}
