import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { Text } from '../../dto/text';

export const FLAG_DECISIONS = ['duplicate', 'not-duplicate', 'complementary'] as const;

export class ResolveDuplicateFlagDto {
  @ApiProperty({ enum: FLAG_DECISIONS })
  @IsIn(FLAG_DECISIONS)
  decision!: (typeof FLAG_DECISIONS)[number];

  @Text(2000, 'the Tekuma plan covers the same 40 caravans')
  note!: string;
}
