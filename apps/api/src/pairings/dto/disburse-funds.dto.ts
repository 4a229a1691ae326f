import { IsOptional } from 'class-validator';
import { IsId, OptionalId, RequiredId } from '../../dto/id';
import { MoneyDto } from '../../dto/money.dto';
import { Nested } from '../../dto/nested';

export class DisburseFundsDto {
  @OptionalId()
  id?: string;

  @RequiredId('the pledge the money comes from')
  pledgeId!: string;

  @Nested(MoneyDto)
  amount!: MoneyDto;

  @IsOptional()
  @IsId()
  needId?: string;
}
