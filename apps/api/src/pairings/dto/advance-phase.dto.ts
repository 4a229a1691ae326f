import { OneOf, OptionalFlag } from '../../dto/choice';
import { Text } from '../../dto/text';

export const PHASES = ['formation', 'immediate-relief', 'road-map', 'recovery', 'concluded'] as const;

export class AdvancePhaseDto {
  @OneOf(PHASES)
  to!: (typeof PHASES)[number];

  @Text(2000, 'joint team complete; relief work starts')
  reason!: string;

  @OptionalFlag('conclude before the committed term is fulfilled (needs a reason)')
  earlyClose?: boolean;
}
