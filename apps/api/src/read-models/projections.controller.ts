import { Controller, Get, HttpCode, Inject, NotFoundException, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ReadSide } from '@c2g/projections';
import { Roles } from '../auth/access.decorators';
import { PROJECTION_RUNNER } from './projection-runner.token';
import { ApiRead, objectOf, READ_MODEL_ERRORS } from '../openapi/api-read.decorator';

/** Operators see every read model's state and send a parked one back to work after a fix. */
@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/projections')
export class ProjectionsController {
  constructor(@Inject(PROJECTION_RUNNER) private readonly runner: ReadSide) {}

  @ApiRead("Every read model's state", { description: 'Version, checkpoint, live / building / parked (with the parked event and error).', schema: objectOf('{ projections: [{ name, version, checkpoint, state, parked? }] }') })
  @Get()
  list() {
    return { projections: this.runner.status() };
  }

  /** Tries the parked event again; it parks again if the projection still cannot apply it. */
  @ApiRead('Retry the event a read model is parked on', { status: 202, description: '202: the projection tries the parked event again (and parks again if it still cannot apply it).', schema: objectOf('{ retrying, was }'), errors: { 404: 'projection-not-found: no read model of that name' } })
  @Post(':name/retry')
  @HttpCode(202)
  retry(@Param('name') name: string) {
    const status = this.runner.status().find((p) => p.name === name);
    if (!status) throw new NotFoundException({ code: 'projection-not-found', message: `no read model named ${name}` });
    this.runner.retry(name);
    return { retrying: name, was: status };
  }
}
