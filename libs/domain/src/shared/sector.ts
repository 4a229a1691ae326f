/** The one sector taxonomy shared by needs, plans, road maps and the duplicate detector. */
export const DEFAULT_SECTORS = [
  'housing',
  'education',
  'employment',
  'agriculture',
  'infrastructure',
  'community-resilience',
  'health-and-mental-health',
  'security',
  'welfare',
  'culture-and-youth',
  'immediate-relief-goods',
] as const;

export type Sector = string;
