import { OneOf } from '../../dto/choice';
import { OptionalId, RequiredId } from '../../dto/id';
import { IsoDate } from '../../dto/iso-date';
import { MoneyDto, WholeNumber } from '../../dto/money.dto';
import { Nested } from '../../dto/nested';

export const PARTNERSHIP_TYPES = ['existing', 'additional', 'new'] as const;

export class CommitmentDto {
  @Nested(MoneyDto, 'the yearly commitment, at least the program minimum')
  annual!: MoneyDto;

  @WholeNumber(1, 20, { description: 'years committed (the program asks for at least 3)', example: 3 })
  years!: number;

  @IsoDate('2024-07-01')
  startDate!: string;
}

export class CreatePairingDto {
  @OptionalId()
  id?: string;

  @RequiredId('the Israeli community')
  israeliCommunityId!: string;

  @RequiredId('the global (partner) community', 'boston')
  globalCommunityId!: string;

  @OneOf(PARTNERSHIP_TYPES)
  partnershipType!: (typeof PARTNERSHIP_TYPES)[number];

  @Nested(CommitmentDto)
  commitment!: CommitmentDto;
}
