import { DateWindow } from '../shared/date-window';
import { Money } from '../shared/money';

export type Horizon = 'immediate' | 'short-term' | 'long-term';

export interface NeedDetails {
  title: string;
  description: string;
  sector: string;
  horizon: Horizon;
  estimatedCost: Money;
  window: DateWindow;
  quantity?: number;
}

export type NeedEvent =
  | { type: 'NeedRecorded'; data: NeedDetails & { needId: string; pairingId: string; communityId: string } }
  | { type: 'NeedRevised'; data: { needId: string; changes: Partial<NeedDetails> } }
  | { type: 'NeedFulfilled'; data: { needId: string; note?: string } }
  | { type: 'NeedCancelled'; data: { needId: string; reason: string } };

export const needStreamId = (needId: string) => `need-${needId}`;
