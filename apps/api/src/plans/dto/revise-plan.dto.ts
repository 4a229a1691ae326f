import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, Matches } from 'class-validator';
import { IsId } from '../../dto/id';
import { MoneyDto } from '../../dto/money.dto';
import { OptionalNested } from '../../dto/nested';
import { OptionalText } from '../../dto/text';
import { WindowDto } from '../../dto/window.dto';

/** Only the fields that change; at least one must be given. */
export class RevisePlanDto {
  @OptionalText(300)
  title?: string;

  @OptionalText(5000)
  description?: string;

  @ApiPropertyOptional({ example: 'housing' })
  @IsOptional()
  @Matches(/^[a-z0-9-]{1,64}$/, { message: 'sector must be a code of a-z, 0-9 and -' })
  sector?: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @IsId(true)
  communityIds?: string[];

  @OptionalText(200)
  regionalCouncil?: string;

  @OptionalNested(WindowDto)
  window?: WindowDto;

  @OptionalNested(MoneyDto)
  budget?: MoneyDto;
}
