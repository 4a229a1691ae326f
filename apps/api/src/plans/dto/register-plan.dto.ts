import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional } from 'class-validator';
import { IsId, OptionalId } from '../../dto/id';
import { MoneyDto } from '../../dto/money.dto';
import { Nested } from '../../dto/nested';
import { Code, LongText, OptionalText, Text } from '../../dto/text';
import { WindowDto } from '../../dto/window.dto';

export const PLAN_SOURCES = ['tekuma', 'municipality', 'regional-council', 'ministry'] as const;

export class RegisterPlanDto {
  @OptionalId()
  id?: string;

  @ApiProperty({ enum: PLAN_SOURCES })
  @IsIn(PLAN_SOURCES)
  source!: (typeof PLAN_SOURCES)[number];

  @Text(200, 'Tekuma Authority')
  authority!: string;

  @Text(200, 'TKM-2025-014')
  externalRef!: string;

  @Text(300, 'Temporary housing for returning families')
  title!: string;

  @LongText(5000)
  description!: string;

  @Code('a sector of the program taxonomy', 'housing')
  sector!: string;

  @ApiPropertyOptional({ type: [String], description: 'communities covered (or give regionalCouncil)' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @IsId(true)
  communityIds?: string[];

  @OptionalText(200, 'Eshkol')
  regionalCouncil?: string;

  @Nested(WindowDto)
  window!: WindowDto;

  @Nested(MoneyDto)
  budget!: MoneyDto;
}
