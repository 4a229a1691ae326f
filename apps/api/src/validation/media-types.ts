import { CallHandler, ExecutionContext, Injectable, NestInterceptor, UnsupportedMediaTypeException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DECORATORS } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Observable } from 'rxjs';
import { parseJsonBody } from './json-body';

export const JSON_MEDIA_TYPE = 'application/json';
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The body of a request sent as a media type c2g does not read; it is left unread. */
export class UnreadBody {
  constructor(readonly mediaType: string | undefined) {}
}

/** `Application/JSON; charset=utf-8` → `application/json`. */
export function mediaTypeOf(header: string | undefined): string | undefined {
  const type = header?.split(';')[0].trim().toLowerCase();
  return type ? type : undefined;
}

/**
 * The body parsers: JSON (finite numbers, no prototype keys, one object; see parseJsonBody),
 * CSV as text (plan lists) and, for every other media type or none, a marker that leaves the
 * body unread so that, once the caller is authenticated, MediaTypeInterceptor answers 415.
 * The body limit (C2G_BODY_LIMIT_BYTES) applies to what is read.
 */
export function registerBodyParsers(app: NestFastifyApplication, bodyLimit: number): void {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.removeAllContentTypeParsers();
  // Through Nest, which then does not register its own JSON and form parsers at init.
  app.useBodyParser(JSON_MEDIA_TYPE, { bodyLimit }, (_request, body, done) => {
    try {
      done(null, parseJsonBody(body.toString('utf8')));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
  fastify.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit }, (_request, body, done) => done(null, body));
  fastify.addContentTypeParser('*', (request, _payload, done) => done(null, new UnreadBody(mediaTypeOf(request.headers['content-type']))));
}

/**
 * Every body route reads the media types its OpenAPI operation declares with @ApiConsumes
 * (application/json unless said otherwise): a body sent as anything else, or without a
 * content-type, is a 415 naming what is accepted, instead of a list of missing fields.
 * Runs after the guards, so an unauthenticated caller still gets its 401.
 */
@Injectable()
export class MediaTypeInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (!BODY_METHODS.has(request.method)) return next.handle();
    const accepted =
      this.reflector.getAllAndOverride<string[] | undefined>(DECORATORS.API_CONSUMES, [context.getHandler(), context.getClass()]) ?? [JSON_MEDIA_TYPE];
    const expected = `send the body with content-type: ${accepted.join(' or ')}`;
    if (request.body === undefined) {
      // No body at all: where JSON is read, validation decides whether the route needs one.
      if (accepted.includes(JSON_MEDIA_TYPE)) return next.handle();
      throw unsupported(`this request has no body: ${expected}`);
    }
    const sent = request.body instanceof UnreadBody ? request.body.mediaType : mediaTypeOf(request.headers['content-type']);
    if (sent === undefined || !accepted.includes(sent)) {
      throw unsupported(`${sent === undefined ? 'the body has no content-type' : `content-type ${sent} is not accepted here`}: ${expected}`);
    }
    return next.handle();
  }
}

function unsupported(message: string): UnsupportedMediaTypeException {
  return new UnsupportedMediaTypeException({ code: 'unsupported-media-type', message });
}
