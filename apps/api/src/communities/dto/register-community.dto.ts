import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { OneOf } from '../../dto/choice';
import { OptionalId } from '../../dto/id';
import { Required } from '../../dto/presence';
import { Name, OptionalName, OptionalNameList } from '../../dto/text';

export const COMMUNITY_KINDS = ['israeli', 'global'] as const;
export const SETTLEMENT_TYPES = ['town', 'kibbutz', 'moshav', 'city', 'federation'] as const;

export class RegisterCommunityDto {
  @OptionalId()
  id?: string;

  @Name(200, 'Kfar Aza')
  name!: string;

  @OptionalName(200, 'כפר עזה')
  nameHe?: string;

  @OptionalNameList(20, 200, ['Kfar Azza', 'Kibbutz Kfar Aza'])
  aliases?: string[];

  @OneOf(COMMUNITY_KINDS)
  kind!: (typeof COMMUNITY_KINDS)[number];

  @OneOf(SETTLEMENT_TYPES)
  settlementType!: (typeof SETTLEMENT_TYPES)[number];

  @OptionalName(200, "Sha'ar HaNegev")
  regionalCouncil?: string;

  // Decorators apply bottom-up: presence, then type, then format.
  @ApiProperty({ description: 'ISO-3166 alpha-2', example: 'IL', pattern: '^[A-Z]{2}$' })
  @Matches(/^[A-Z]{2}$/, { message: 'country must be an ISO-3166 alpha-2 code such as IL or US' })
  @IsString({ message: 'country must be a string' })
  @Required()
  country!: string;
}
