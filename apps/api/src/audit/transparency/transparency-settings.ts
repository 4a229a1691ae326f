/** How the API signs checkpoints of its transparency log. */
export interface TransparencySettings {
  /** C2G_SIGNING_KEY: the Ed25519 signing key (`PRIVATE+KEY+…`); unset, data/signing-key (made at first start, mode 0600). */
  signingKey?: string;
  /** C2G_LOG_ORIGIN: the checkpoint's origin line and the key's name when one is generated. */
  origin: string;
  /** C2G_CHECKPOINT_INTERVAL_SECONDS: sign a checkpoint this often when the log grew; 0 signs only on request. */
  checkpointIntervalSeconds: number;
}

export class TransparencySettingsError extends Error {}

export function transparencySettingsFrom(env: NodeJS.ProcessEnv): TransparencySettings {
  const origin = env.C2G_LOG_ORIGIN?.trim() || 'c2g/transparency-log';
  if (!/^[^\s+\u0000-\u001f\u007f]{1,200}$/u.test(origin)) throw new TransparencySettingsError(`C2G_LOG_ORIGIN must be 1-200 characters with no spaces or '+', got "${origin}"`);
  const interval = env.C2G_CHECKPOINT_INTERVAL_SECONDS ?? '300';
  const seconds = Number(interval);
  if (!/^\d{1,7}$/.test(interval)) throw new TransparencySettingsError(`C2G_CHECKPOINT_INTERVAL_SECONDS must be a whole number of seconds, got "${interval}"`);
  return { ...(env.C2G_SIGNING_KEY?.trim() ? { signingKey: env.C2G_SIGNING_KEY.trim() } : {}), origin, checkpointIntervalSeconds: seconds };
}
