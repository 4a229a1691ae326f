import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { ID_PATTERN } from '../dto/id';

/** Read-your-writes and as-of parameters every read accepts. */
export class ReadQueryDto {
  @ApiPropertyOptional({ description: 'wait (bounded) until the answer reflects this log position' })
  @IsOptional()
  @Matches(/^\d{1,15}$/, { message: 'minPosition must be a log position (a whole number)' })
  minPosition?: string;
}

export class AsOfQueryDto extends ReadQueryDto {
  @ApiPropertyOptional({ description: 'answer as known at a log position, a date (YYYY-MM-DD) or an ISO date-time' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  asOf?: string;
}

/** Paging parameters every list accepts (and as-of, so a list can show the program as it was). */
export class ListQueryDto extends AsOfQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit: number = 50;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  cursor?: string;
}

export const OptionalFilterId = () => Matches(ID_PATTERN, { message: '$property must be a UUID or a slug' });

export class CommunityListQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: ['israeli', 'global'] })
  @IsOptional()
  @IsIn(['israeli', 'global'])
  kind?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  regionalCouncil?: string;
}

export class PlanListQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: ['tekuma', 'municipality', 'regional-council', 'ministry'] })
  @IsOptional()
  @IsIn(['tekuma', 'municipality', 'regional-council', 'ministry'])
  source?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^[a-z0-9-]{1,64}$/, { message: 'sector must be a sector code' })
  sector?: string;

  @ApiPropertyOptional({ enum: ['active', 'withdrawn'] })
  @IsOptional()
  @IsIn(['active', 'withdrawn'])
  status?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @OptionalFilterId()
  communityId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  regionalCouncil?: string;
}

export class PairingListQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: ['formation', 'immediate-relief', 'road-map', 'recovery', 'concluded'] })
  @IsOptional()
  @IsIn(['formation', 'immediate-relief', 'road-map', 'recovery', 'concluded'])
  phase?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @OptionalFilterId()
  israeliCommunityId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @OptionalFilterId()
  globalCommunityId?: string;
}

export class NeedListQueryDto extends ListQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @OptionalFilterId()
  communityId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @OptionalFilterId()
  pairingId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^[a-z0-9-]{1,64}$/, { message: 'sector must be a sector code' })
  sector?: string;

  @ApiPropertyOptional({ enum: ['immediate', 'short-term', 'long-term'] })
  @IsOptional()
  @IsIn(['immediate', 'short-term', 'long-term'])
  horizon?: string;

  @ApiPropertyOptional({ enum: ['open', 'fulfilled', 'cancelled'] })
  @IsOptional()
  @IsIn(['open', 'fulfilled', 'cancelled'])
  status?: string;
}
