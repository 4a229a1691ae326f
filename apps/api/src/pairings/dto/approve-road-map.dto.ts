import { IsoDate } from '../../dto/iso-date';
import { MoneyDto } from '../../dto/money.dto';
import { Nested, NestedList } from '../../dto/nested';
import { Code, Name } from '../../dto/text';

export class MilestoneDto {
  @Name(300, 'Rebuild the community kindergarten')
  title!: string;

  @Code('a sector of the program taxonomy', 'education')
  sector!: string;

  @IsoDate('2026-09-01')
  targetDate!: string;

  @Nested(MoneyDto)
  budget!: MoneyDto;
}

export class ApproveRoadMapDto {
  @NestedList(MilestoneDto, { minItems: 1, maxItems: 100 })
  milestones!: MilestoneDto[];
}
