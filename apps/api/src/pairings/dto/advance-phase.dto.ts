import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { Text } from '../../dto/text';

export const PHASES = ['formation', 'immediate-relief', 'road-map', 'recovery', 'concluded'] as const;

export class AdvancePhaseDto {
  @ApiProperty({ enum: PHASES })
  @IsIn(PHASES)
  to!: (typeof PHASES)[number];

  @Text(2000, 'joint team complete; relief work starts')
  reason!: string;

  @ApiPropertyOptional({ description: 'conclude before the committed term is fulfilled (needs a reason)' })
  @IsOptional()
  @IsBoolean()
  earlyClose?: boolean;
}
