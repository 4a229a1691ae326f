import { PartialType, PickType } from '@nestjs/swagger';
import { RevisesAtLeastOneField } from '../../dto/revision';
import { RecordNeedDto } from './record-need.dto';

/**
 * Only the fields that change, at least one, each checked as when the need was recorded.
 * `skipNullProperties: false` keeps `null` refused: no field of a need is clearable.
 */
@RevisesAtLeastOneField()
export class ReviseNeedDto extends PartialType(
  PickType(RecordNeedDto, ['title', 'description', 'sector', 'horizon', 'estimatedCost', 'window', 'quantity'] as const),
  { skipNullProperties: false },
) {}
