/**
 * What an API key may do: service issues commands, analyst reads, auditor audits, admin manages
 * keys, operator scrapes /metrics (and nothing else, so a monitoring system holds no other power).
 */
export const ROLES = ['service', 'analyst', 'auditor', 'admin', 'operator'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling, as far as events and logs are concerned (never the secret). */
export interface Principal {
  keyId: string;
  role: Role;
  label: string;
}
