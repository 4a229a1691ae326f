import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsInt, Max, Min } from 'class-validator';
import { OptionalId, RequiredId } from '../../dto/id';
import { IsoDate } from '../../dto/iso-date';
import { MoneyDto } from '../../dto/money.dto';
import { Nested } from '../../dto/nested';

export const PARTNERSHIP_TYPES = ['existing', 'additional', 'new'] as const;

export class CommitmentDto {
  @Nested(MoneyDto, 'the yearly commitment, at least the program minimum')
  annual!: MoneyDto;

  @ApiProperty({ minimum: 1, maximum: 20, example: 3 })
  @IsInt()
  @Min(1)
  @Max(20)
  years!: number;

  @IsoDate('2024-07-01')
  startDate!: string;
}

export class CreatePairingDto {
  @OptionalId()
  id?: string;

  @RequiredId('the Israeli community')
  israeliCommunityId!: string;

  @RequiredId('the global (partner) community')
  globalCommunityId!: string;

  @ApiProperty({ enum: PARTNERSHIP_TYPES })
  @IsIn(PARTNERSHIP_TYPES)
  partnershipType!: (typeof PARTNERSHIP_TYPES)[number];

  @Nested(CommitmentDto)
  commitment!: CommitmentDto;
}
