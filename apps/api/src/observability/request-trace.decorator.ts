import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { requestTrace } from './http-telemetry';

/** The request's span as an OpenTelemetry context (undefined with tracing off), for spans made on its behalf. */
export const RequestTrace = createParamDecorator((_: unknown, execution: ExecutionContext) => requestTrace(execution.switchToHttp().getRequest()));
