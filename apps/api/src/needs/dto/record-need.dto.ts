import { OneOf } from '../../dto/choice';
import { OptionalId, RequiredId } from '../../dto/id';
import { MoneyDto, OptionalWholeNumber } from '../../dto/money.dto';
import { Nested } from '../../dto/nested';
import { Code, LongText, Name } from '../../dto/text';
import { WindowDto } from '../../dto/window.dto';

export const HORIZONS = ['immediate', 'short-term', 'long-term'] as const;

export class RecordNeedDto {
  @OptionalId()
  id?: string;

  @RequiredId('the pairing whose joint team records the need', 'kfar-aza-boston')
  pairingId!: string;

  @Name(300, 'Mattresses for returning families')
  title!: string;

  @LongText(5000, '120 mattresses for families returning to the kibbutz')
  description!: string;

  @Code('a sector of the program taxonomy', 'immediate-relief-goods')
  sector!: string;

  @OneOf(HORIZONS)
  horizon!: (typeof HORIZONS)[number];

  @Nested(MoneyDto)
  estimatedCost!: MoneyDto;

  @Nested(WindowDto)
  window!: WindowDto;

  @OptionalWholeNumber(1, 1_000_000_000, { example: 120 })
  quantity?: number;
}
