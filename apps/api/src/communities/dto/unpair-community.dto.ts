import { RequiredId } from '../../dto/id';
import { Text } from '../../dto/text';

export class UnpairCommunityDto {
  @RequiredId('the pairing the community leaves', 'kfar-aza-boston')
  pairingId!: string;

  @Text(2000, 'the partner community withdrew')
  reason!: string;
}
