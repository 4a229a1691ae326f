import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { MoneyDto } from '../../dto/money.dto';
import { OptionalNested } from '../../dto/nested';
import { OptionalText } from '../../dto/text';
import { WindowDto } from '../../dto/window.dto';
import { HORIZONS } from './record-need.dto';

/** Only the fields that change; at least one must be given. */
export class ReviseNeedDto {
  @OptionalText(300)
  title?: string;

  @OptionalText(5000)
  description?: string;

  @ApiPropertyOptional({ example: 'housing' })
  @IsOptional()
  @Matches(/^[a-z0-9-]{1,64}$/, { message: 'sector must be a code of a-z, 0-9 and -' })
  sector?: string;

  @ApiPropertyOptional({ enum: HORIZONS })
  @IsOptional()
  @IsIn(HORIZONS)
  horizon?: (typeof HORIZONS)[number];

  @OptionalNested(MoneyDto)
  estimatedCost?: MoneyDto;

  @OptionalNested(WindowDto)
  window?: WindowDto;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000_000)
  quantity?: number;
}
