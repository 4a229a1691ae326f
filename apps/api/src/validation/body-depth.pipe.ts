import { ArgumentMetadata, BadRequestException, Injectable, PipeTransform } from '@nestjs/common';

/** No command body nests this deep; deeper input is refused before any recursive processing. */
export const MAX_BODY_DEPTH = 16;

/** Measures nesting without recursion, so hostile depth cannot overflow the stack. */
export function depthOf(value: unknown, limit: number): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (typeof current !== 'object' || current === null) continue;
    deepest = Math.max(deepest, depth);
    if (deepest > limit) return deepest;
    for (const child of Object.values(current)) stack.push([child, depth + 1]);
  }
  return deepest;
}

/** Throws the 400 for a body too deep to be processed safely. */
export function assertBodyDepth(body: unknown): void {
  if (depthOf(body, MAX_BODY_DEPTH) > MAX_BODY_DEPTH) {
    throw new BadRequestException({
      code: 'body-too-deep',
      message: `invalid request: the body nests deeper than ${MAX_BODY_DEPTH} levels`,
    });
  }
}

/** Runs before validation, whose class transformation recurses. */
@Injectable()
export class BodyDepthPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'body') assertBodyDepth(value);
    return value;
  }
}
