import { OneOf } from '../../dto/choice';
import { OptionalId, OptionalIdList } from '../../dto/id';
import { MoneyDto } from '../../dto/money.dto';
import { Nested } from '../../dto/nested';
import { Code, LongText, Name, OptionalName } from '../../dto/text';
import { WindowDto } from '../../dto/window.dto';

export const PLAN_SOURCES = ['tekuma', 'municipality', 'regional-council', 'ministry'] as const;

export class RegisterPlanDto {
  @OptionalId()
  id?: string;

  @OneOf(PLAN_SOURCES)
  source!: (typeof PLAN_SOURCES)[number];

  @Name(200, 'Tekuma Authority')
  authority!: string;

  @Name(200, 'TKM-2025-014')
  externalRef!: string;

  @Name(300, 'Temporary housing for returning families')
  title!: string;

  @LongText(5000)
  description!: string;

  @Code('a sector of the program taxonomy', 'housing')
  sector!: string;

  @OptionalIdList('communities covered (or give regionalCouncil)', { minItems: 1, maxItems: 200 })
  communityIds?: string[];

  @OptionalName(200, 'Eshkol', 'the regional council covered (or give communityIds)')
  regionalCouncil?: string;

  @Nested(WindowDto)
  window!: WindowDto;

  @Nested(MoneyDto)
  budget!: MoneyDto;
}
