import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { AsOfQueryDto, OptionalFilterId } from './list-query.dto';

export class FundingReportQueryDto extends AsOfQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @OptionalFilterId()
  pairingId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @OptionalFilterId()
  globalCommunityId?: string;
}
