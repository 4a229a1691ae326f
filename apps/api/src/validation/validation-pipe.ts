import { ArgumentMetadata, BadRequestException, HttpStatus, UnsupportedMediaTypeException, ValidationError, ValidationPipe } from '@nestjs/common';

export interface FieldProblem {
  field: string;
  problems: string[];
}

/** `aliases[1] must be …`: a problem an array check found in one element (see EachElement). */
const ELEMENT_PROBLEM = /^(\S+?)(\[\d+\]) /;

/**
 * Flattens nested class-validator errors into `a.b[0].c: problem` entries, every field named;
 * a problem of one element of an array of plain values is reported on that element.
 */
export function fieldProblems(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = /^\d+$/.test(error.property)
      ? `${parent}[${error.property}]`
      : parent ? `${parent}.${error.property}` : error.property;
    const own: FieldProblem[] = [];
    for (const problem of Object.values(error.constraints ?? {})) {
      const element = ELEMENT_PROBLEM.exec(problem);
      const at = element && element[1] === error.property ? `${field}${element[2]}` : field;
      const entry = own.find((p) => p.field === at);
      if (entry) entry.problems.push(problem);
      else own.push({ field: at, problems: [problem] });
    }
    return [...own, ...fieldProblems(error.children ?? [], field)];
  });
}

export function validationFailed(details: FieldProblem[]): BadRequestException {
  return new BadRequestException({
    code: 'validation-failed',
    message: `invalid request: ${details.map((d) => `${d.field} (${d.problems.join('; ')})`).join(', ')}`,
    details,
  });
}

/** What a body route accepts when no other media type is declared with @ApiConsumes. */
export const JSON_ONLY = 'send the body with content-type: application/json';

/**
 * Bodies are whitelisted (unknown fields refused, not dropped), converted to the DTO class
 * (text trimmed) and checked; a 400 names every bad field, with the first problem of each.
 * A request without any body is checked as `{}`: fine where every field is optional (a
 * release without a reason), a 415 where the route needs a JSON body.
 */
class CommandBodyValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'body' || value !== undefined || !this.toValidate(metadata)) return super.transform(value, metadata);
    try {
      return await super.transform({}, metadata);
    } catch (error) {
      if (error instanceof BadRequestException) {
        throw new UnsupportedMediaTypeException({ code: 'unsupported-media-type', message: `this request has no body: ${JSON_ONLY}` });
      }
      throw error;
    }
  }
}

export function createValidationPipe(): ValidationPipe {
  return new CommandBodyValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    stopAtFirstError: true,
    transform: true,
    validationError: { target: false, value: false },
    errorHttpStatusCode: HttpStatus.BAD_REQUEST,
    exceptionFactory: (errors) => validationFailed(fieldProblems(errors)),
  });
}
