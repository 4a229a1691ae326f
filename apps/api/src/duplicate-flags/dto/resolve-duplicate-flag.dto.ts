import { OneOf } from '../../dto/choice';
import { Text } from '../../dto/text';

export const FLAG_DECISIONS = ['duplicate', 'not-duplicate', 'complementary'] as const;

export class ResolveDuplicateFlagDto {
  @OneOf(FLAG_DECISIONS)
  decision!: (typeof FLAG_DECISIONS)[number];

  @Text(2000, 'the Tekuma plan covers the same 40 caravans')
  note!: string;
}
