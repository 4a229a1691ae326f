import { registerDecorator, ValidationArguments } from 'class-validator';

/**
 * Where a rule about the body as a whole is reported: `details: [{ field: '(body)', … }]`.
 * A body holding this key is refused by the same rule.
 */
export const WHOLE_BODY = '(body)';

/**
 * A revision names at least one field to change: an empty revision is a 400 at the edge,
 * not an event. Use on revision DTOs built with PartialType(…, { skipNullProperties: false }).
 */
export function RevisesAtLeastOneField(): ClassDecorator {
  return (target) =>
    registerDecorator({
      name: 'revisesAtLeastOneField',
      target,
      propertyName: WHOLE_BODY,
      validator: {
        validate: (value: unknown, args: ValidationArguments) =>
          value === undefined &&
          Object.entries(args.object).some(([key, field]) => key !== WHOLE_BODY && field !== undefined),
        defaultMessage: (args?: ValidationArguments) =>
          args?.value === undefined ? 'a revision must change at least one field' : `property ${WHOLE_BODY} should not exist`,
      },
    });
}
