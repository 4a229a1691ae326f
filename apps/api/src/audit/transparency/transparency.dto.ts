import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { AuditPageDto } from '../audit-query.dto';

const SIZE = /^\d{1,15}$/;

export class EventPositionParamDto {
  @ApiProperty({ description: 'the event’s log position', example: '42' })
  @Matches(/^\d{1,19}$/, { message: 'position must be a log position (a whole number)' })
  position!: string;
}

export class InclusionQueryDto {
  @ApiPropertyOptional({ description: 'size of the tree to prove inclusion in (a checkpoint’s treeSize); default: the current tree' })
  @IsOptional()
  @Matches(SIZE, { message: 'treeSize must be a whole number' })
  treeSize?: string;
}

export class ConsistencyQueryDto {
  @ApiProperty({ description: 'the earlier tree size (a saved checkpoint’s treeSize)' })
  @Matches(SIZE, { message: 'from must be a whole number' })
  from!: string;

  @ApiPropertyOptional({ description: 'the later tree size; default: the current tree' })
  @IsOptional()
  @Matches(SIZE, { message: 'to must be a whole number' })
  to?: string;
}

/** Signed checkpoints from a tree size on, paged like the other audit lists. */
export class CheckpointsQueryDto extends AuditPageDto {
  @ApiPropertyOptional({ description: 'first tree size to list', default: '0' })
  @IsOptional()
  @Matches(SIZE, { message: 'from must be a whole number' })
  from?: string;
}
