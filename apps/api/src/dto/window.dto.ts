import { registerDecorator, ValidationArguments } from 'class-validator';
import { IsoDate } from './iso-date';

/** A period of time, both ends included; `to` may not be before `from`. */
export class WindowDto {
  @IsoDate('2025-01-01')
  from!: string;

  // Decorators apply bottom-up: the date check comes first, the order check after it.
  @NotBefore('from')
  @IsoDate('2025-06-30')
  to!: string;
}

function NotBefore(other: string): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'notBefore',
      target: target.constructor,
      propertyName: String(propertyName),
      constraints: [other],
      validator: {
        validate: (value: unknown, args: ValidationArguments) => {
          const start = (args.object as Record<string, unknown>)[other];
          return typeof value !== 'string' || typeof start !== 'string' || value >= start;
        },
        defaultMessage: (args?: ValidationArguments) => `${args?.property} must not be before ${other}`,
      },
    });
}
