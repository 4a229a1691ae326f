import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, ValidateNested } from 'class-validator';
import { IsoDate } from '../../dto/iso-date';
import { MoneyDto } from '../../dto/money.dto';
import { Nested } from '../../dto/nested';
import { Code, Text } from '../../dto/text';

export class MilestoneDto {
  @Text(300, 'Rebuild the community kindergarten')
  title!: string;

  @Code('a sector of the program taxonomy', 'education')
  sector!: string;

  @IsoDate('2026-09-01')
  targetDate!: string;

  @Nested(MoneyDto)
  budget!: MoneyDto;
}

export class ApproveRoadMapDto {
  @ApiProperty({ type: [MilestoneDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => MilestoneDto)
  milestones!: MilestoneDto[];
}
