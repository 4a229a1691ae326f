import { OptionalId } from '../../dto/id';
import { MoneyDto, WholeNumber } from '../../dto/money.dto';
import { Nested } from '../../dto/nested';

export class MakePledgeDto {
  @OptionalId()
  id?: string;

  @WholeNumber(1, 20, { description: 'program year, 1 = the first year of the commitment', example: 1 })
  year!: number;

  @Nested(MoneyDto)
  amount!: MoneyDto;

  @OptionalId('the need the pledge is for', 'mattresses')
  needId?: string;
}
