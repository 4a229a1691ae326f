import { NeedDetails } from './need.events';

export type NeedCommand =
  | { type: 'RecordNeed'; data: NeedDetails & { needId: string; pairingId: string; communityId: string } }
  | { type: 'ReviseNeed'; data: { changes: Partial<NeedDetails> } }
  | { type: 'FulfilNeed'; data: { note?: string } }
  | { type: 'CancelNeed'; data: { reason: string } };
