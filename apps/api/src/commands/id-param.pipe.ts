import { BadRequestException, Injectable, PipeTransform } from '@nestjs/common';
import { ID_PATTERN } from '../dto/id';

/** Path ids follow the same rule as body ids; anything else (../, %00, …) is a 400. */
@Injectable()
export class IdParamPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (typeof value === 'string' && ID_PATTERN.test(value)) return value;
    throw new BadRequestException({
      code: 'validation-failed',
      message: 'invalid request: the id in the path must be a UUID or a slug of a-z, 0-9 and -',
      details: [{ field: 'path:id', problems: ['must be a UUID or a slug of 1-64 characters a-z, 0-9 and -'] }],
    });
  }
}
