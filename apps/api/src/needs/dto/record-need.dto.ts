import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { OptionalId, RequiredId } from '../../dto/id';
import { MoneyDto } from '../../dto/money.dto';
import { Nested } from '../../dto/nested';
import { Code, LongText, Text } from '../../dto/text';
import { WindowDto } from '../../dto/window.dto';

export const HORIZONS = ['immediate', 'short-term', 'long-term'] as const;

export class RecordNeedDto {
  @OptionalId()
  id?: string;

  @RequiredId('the pairing whose joint team records the need')
  pairingId!: string;

  @Text(300, 'Mattresses for returning families')
  title!: string;

  @LongText(5000, '120 mattresses for families returning to the kibbutz')
  description!: string;

  @Code('a sector of the program taxonomy', 'immediate-relief-goods')
  sector!: string;

  @ApiProperty({ enum: HORIZONS })
  @IsIn(HORIZONS)
  horizon!: (typeof HORIZONS)[number];

  @Nested(MoneyDto)
  estimatedCost!: MoneyDto;

  @Nested(WindowDto)
  window!: WindowDto;

  @ApiPropertyOptional({ example: 120 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000_000)
  quantity?: number;
}
