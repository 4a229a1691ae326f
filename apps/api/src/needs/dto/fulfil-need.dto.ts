import { OptionalText } from '../../dto/text';

export class FulfilNeedDto {
  @OptionalText(2000, 'delivered by the Federation warehouse')
  note?: string;
}
