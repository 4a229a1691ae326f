import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { IsId, OptionalId } from '../../dto/id';
import { MoneyDto } from '../../dto/money.dto';
import { Nested } from '../../dto/nested';

export class MakePledgeDto {
  @OptionalId()
  id?: string;

  @ApiProperty({ description: 'program year, 1 = the first year of the commitment', minimum: 1, example: 1 })
  @IsInt()
  @Min(1)
  @Max(20)
  year!: number;

  @Nested(MoneyDto)
  amount!: MoneyDto;

  @IsOptional()
  @IsId()
  needId?: string;
}
