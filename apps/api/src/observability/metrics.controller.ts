import { Controller, Get, Header, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/access.decorators';
import { Metrics } from './metrics';

/** Prometheus scrapes this with an operator key (`authorization: credentials` in its scrape config). */
@ApiTags('operations')
@ApiBearerAuth()
@Roles('operator')
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: Metrics) {}

  @Get()
  @ApiOperation({ summary: 'Metrics for Prometheus', description: 'The Prometheus text exposition format 0.0.4: commands, HTTP, read-model lag, parked read models, Node runtime.' })
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'Metrics in the Prometheus text exposition format 0.0.4' })
  @Header('cache-control', 'no-store')
  async scrape(@Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    void reply.header('content-type', this.metrics.contentType);
    return this.metrics.render();
  }
}
