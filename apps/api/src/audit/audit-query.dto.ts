import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

export class AuditPageDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 1000, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit: number = 100;
}

export class AuditStreamQueryDto extends AuditPageDto {
  @ApiPropertyOptional({ description: 'first revision to return' })
  @IsOptional()
  @Matches(/^\d{1,15}$/, { message: 'fromRevision must be a whole number' })
  fromRevision?: string;
}

export class AuditEventsQueryDto extends AuditPageDto {
  @ApiPropertyOptional({ description: 'first log position to look at' })
  @IsOptional()
  @Matches(/^\d{1,15}$/, { message: 'fromPosition must be a log position' })
  fromPosition?: string;

  @ApiPropertyOptional({ example: 'PledgeMade' })
  @IsOptional()
  @Matches(/^[A-Za-z]{1,64}$/, { message: 'type must be an event type name' })
  type?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(128)
  correlationId?: string;

  @ApiPropertyOptional({ description: 'the label of the API key that acted' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  actor?: string;

  @ApiPropertyOptional({ description: 'occurred at or after (ISO date or date-time)' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/, { message: 'from must be an ISO date or date-time' })
  from?: string;

  @ApiPropertyOptional({ description: 'occurred at or before (ISO date or date-time; a date includes that whole day)' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/, { message: 'to must be an ISO date or date-time' })
  to?: string;
}
