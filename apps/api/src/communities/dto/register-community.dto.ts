import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { OptionalId } from '../../dto/id';
import { OptionalText, Text } from '../../dto/text';

export const COMMUNITY_KINDS = ['israeli', 'global'] as const;
export const SETTLEMENT_TYPES = ['town', 'kibbutz', 'moshav', 'city', 'federation'] as const;

export class RegisterCommunityDto {
  @OptionalId()
  id?: string;

  @Text(200, 'Kfar Aza')
  name!: string;

  @OptionalText(200, 'כפר עזה')
  nameHe?: string;

  @ApiPropertyOptional({ type: [String], example: ['Kfar Azza', 'Kibbutz Kfar Aza'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  aliases?: string[];

  @ApiProperty({ enum: COMMUNITY_KINDS })
  @IsIn(COMMUNITY_KINDS)
  kind!: (typeof COMMUNITY_KINDS)[number];

  @ApiProperty({ enum: SETTLEMENT_TYPES })
  @IsIn(SETTLEMENT_TYPES)
  settlementType!: (typeof SETTLEMENT_TYPES)[number];

  @OptionalText(200, "Sha'ar HaNegev")
  regionalCouncil?: string;

  @ApiProperty({ description: 'ISO-3166 alpha-2', example: 'IL' })
  @IsString()
  @Matches(/^[A-Z]{2}$/, { message: 'country must be an ISO-3166 alpha-2 code such as IL or US' })
  country!: string;
}
