import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { listDuplicateFlags } from '@c2g/projections';
import { Roles } from '../auth/access.decorators';
import { Command, CommandContext } from '../commands/command-context';
import { IdParamPipe } from '../commands/id-param.pipe';
import { CommandResult } from '../commands/stream-command-executor';
import { ListQueryDto, OptionalFilterId } from '../queries/list-query.dto';
import { pageRequest, toPage } from '../queries/paging';
import { ReadModels } from '../queries/read-models.service';
import { ResolveDuplicateFlag } from './commands/resolve-duplicate-flag.handler';
import { ResolveDuplicateFlagDto } from './dto/resolve-duplicate-flag.dto';

export class DuplicateFlagListQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: ['open', 'resolved', 'closed'] })
  @IsOptional()
  @IsIn(['open', 'resolved', 'closed'])
  status?: string;

  @ApiPropertyOptional({ enum: ['need-plan', 'need-need', 'over-funding'] })
  @IsOptional()
  @IsIn(['need-plan', 'need-need', 'over-funding'])
  kind?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @OptionalFilterId()
  communityId?: string;
}

@ApiTags('duplicate flags')
@ApiBearerAuth()
@Controller('duplicate-flags')
export class DuplicateFlagsController {
  constructor(private readonly readModels: ReadModels, private readonly commands: CommandBus) {}

  /** Likely duplicate efforts, each with its score and the reasons a coordinator can check. */
  @Get()
  @Roles('analyst')
  list(@Query() { limit, cursor, minPosition, asOf, ...filter }: DuplicateFlagListQueryDto) {
    return this.readModels.read(['duplicate-flags'], { minPosition, asOf }, (db) =>
      toPage(listDuplicateFlags(db('duplicate-flags'), filter, pageRequest(limit, cursor)), limit),
    );
  }

  @Post(':id/resolution')
  @Roles('service')
  @HttpCode(200)
  resolve(@Param('id', IdParamPipe) id: string, @Body() body: ResolveDuplicateFlagDto, @Command() context: CommandContext): Promise<CommandResult> {
    return this.commands.execute(new ResolveDuplicateFlag(id, body, context));
  }
}
