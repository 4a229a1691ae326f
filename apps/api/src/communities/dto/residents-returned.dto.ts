import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { IsoDate } from '../../dto/iso-date';
import { OptionalText } from '../../dto/text';

export class ResidentsReturnedDto {
  @IsoDate('2025-03-01')
  date!: string;

  @ApiPropertyOptional({ description: 'how many residents returned', example: 350 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  count?: number;

  @OptionalText(2000)
  note?: string;
}
