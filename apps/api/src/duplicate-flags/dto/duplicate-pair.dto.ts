import { IntersectionType } from '@nestjs/swagger';
import { OneOf } from '../../dto/choice';
import { RequiredId } from '../../dto/id';
import { Text } from '../../dto/text';
import { ReadQueryDto } from '../../queries/list-query.dto';

export const PAIR_KINDS = ['need-plan', 'need-need'] as const;

/** A need and a plan, or two needs: the pair a reviewer asks about or reports. */
export class DuplicatePairDto {
  @OneOf(PAIR_KINDS, 'need-plan: otherId is a plan; need-need: otherId is another need')
  kind!: (typeof PAIR_KINDS)[number];

  @RequiredId('the need', 'need-caravans-kfar-aza')
  needId!: string;

  @RequiredId('the plan (need-plan) or the other need (need-need)', 'tekuma-caravans-2025')
  otherId!: string;
}

/** A duplicate the detector did not flag, as a reviewer reports it. */
export class ReportDuplicateDto extends DuplicatePairDto {
  @Text(2000, 'the council plan builds the same bakery oven')
  note!: string;
}

/** The pair to explain, and the log position the answer must reflect. */
export class ExplainPairQueryDto extends IntersectionType(DuplicatePairDto, ReadQueryDto) {}
