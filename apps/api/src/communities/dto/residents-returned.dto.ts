import { IsoDate } from '../../dto/iso-date';
import { OptionalWholeNumber } from '../../dto/money.dto';
import { OptionalText } from '../../dto/text';

export class ResidentsReturnedDto {
  @IsoDate('2025-03-01')
  date!: string;

  @OptionalWholeNumber(1, 1_000_000, { description: 'how many residents returned', example: 350 })
  count?: number;

  @OptionalText(2000)
  note?: string;
}
