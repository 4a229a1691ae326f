import { OptionalId, RequiredId } from '../../dto/id';
import { MoneyDto } from '../../dto/money.dto';
import { Nested } from '../../dto/nested';

export class DisburseFundsDto {
  @OptionalId()
  id?: string;

  @RequiredId('the pledge the money comes from', 'y1')
  pledgeId!: string;

  @Nested(MoneyDto)
  amount!: MoneyDto;

  @OptionalId('the need the money is for', 'mattresses')
  needId?: string;
}
