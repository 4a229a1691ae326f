import { PartialType, PickType } from '@nestjs/swagger';
import { RevisesAtLeastOneField } from '../../dto/revision';
import { RegisterPlanDto } from './register-plan.dto';

/**
 * Only the fields that change, at least one, each checked as when the plan was registered;
 * source, authority and reference identify the plan. `skipNullProperties: false` keeps
 * `null` refused: no field of a plan is clearable.
 */
@RevisesAtLeastOneField()
export class RevisePlanDto extends PartialType(
  PickType(RegisterPlanDto, ['title', 'description', 'sector', 'communityIds', 'regionalCouncil', 'window', 'budget'] as const),
  { skipNullProperties: false },
) {}
