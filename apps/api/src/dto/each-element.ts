import { registerDecorator, ValidationArguments } from 'class-validator';

/** The problem of one element of an array of plain values, or undefined when it is fine. */
export type ElementCheck = (value: unknown, name: string) => string | undefined;

/**
 * Checks every element of an array of plain values (strings, ids) and names the first bad
 * one: the message starts with `property[index]`, which the validation pipe turns into the
 * field of the 400 (`aliases[1]`), as class-validator's `each` option names only the array.
 */
export function EachElement(check: ElementCheck): PropertyDecorator {
  const firstProblem = (items: unknown[], property: string): string | undefined => {
    for (const [index, item] of items.entries()) {
      const problem = check(item, `${property}[${index}]`);
      if (problem !== undefined) return problem;
    }
    return undefined;
  };
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'eachElement',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (value: unknown, args: ValidationArguments) => !Array.isArray(value) || firstProblem(value, args.property) === undefined,
        defaultMessage: (args?: ValidationArguments) =>
          (Array.isArray(args?.value) && firstProblem(args.value, args.property)) || `${args?.property} has a bad element`,
      },
    });
}
