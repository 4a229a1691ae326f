import { Controller, Get, HttpCode, Inject, NotFoundException, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ReadSide } from '@c2g/projections';
import { Roles } from '../auth/access.decorators';
import { PROJECTION_RUNNER } from './projection-runner.token';

/** Operators see every read model's state and send a parked one back to work after a fix. */
@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/projections')
export class ProjectionsController {
  constructor(@Inject(PROJECTION_RUNNER) private readonly runner: ReadSide) {}

  @Get()
  list() {
    return { projections: this.runner.status() };
  }

  /** Tries the parked event again; it parks again if the projection still cannot apply it. */
  @Post(':name/retry')
  @HttpCode(202)
  retry(@Param('name') name: string) {
    const status = this.runner.status().find((p) => p.name === name);
    if (!status) throw new NotFoundException({ code: 'projection-not-found', message: `no read model named ${name}` });
    this.runner.retry(name);
    return { retrying: name, was: status };
  }
}
