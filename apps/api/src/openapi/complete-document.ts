import type { OpenAPIObject, OperationObject, SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { RouteAccess } from './route-access';

const ERROR_REF = { $ref: '#/components/schemas/ErrorBodySchema' };
const error = (description: string) => ({ description, content: { 'application/json': { schema: ERROR_REF } } });

/**
 * What every operation says the same way, added in one place so it cannot drift from the guard:
 * the role it needs (x-required-role and the description), its security, 401/403, 429 unless the
 * rate limit is skipped; and the
 * sector taxonomy as an enum wherever a sector is taken. A route whose access rule cannot be
 * found (a custom operationId) is marked `x-required-role: unknown`, which the OpenAPI test refuses.
 */
export function completeDocument(document: OpenAPIObject, access: Map<string, RouteAccess>, sectors: readonly string[]): OpenAPIObject {
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item) as [string, OperationObject & { 'x-required-role'?: string | string[] }][]) {
      if (!operation || typeof operation !== 'object' || !('responses' in operation)) continue;
      const rule = access.get(operation.operationId ?? '');
      if (!rule) {
        // A documentation gap must not stop the server: the OpenAPI test fails on it instead.
        operation['x-required-role'] = 'unknown';
        continue;
      }
      if (rule.public) {
        operation.security = [];
        operation['x-required-role'] = 'none';
        operation.description = join('**Role:** none (no key needed).', operation.description);
      } else {
        const roles = rule.roles.join(' or ');
        operation.security = [{ bearer: [] }];
        operation['x-required-role'] = rule.roles.length === 1 ? rule.roles[0] : rule.roles;
        operation.description = join(`**Role:** \`${roles}\` (an API key of that role in \`Authorization: Bearer\`).`, operation.description);
        operation.responses['401'] ??= error('unauthenticated: no key, or not a valid one');
        operation.responses['403'] ??= error(`forbidden: the key's role is not ${roles}`);
      }
      if (rule.throttled) operation.responses['429'] ??= error('throttled: over C2G_RATE_LIMIT_PER_MINUTE');
      for (const parameter of operation.parameters ?? []) {
        if ('name' in parameter && parameter.name === 'sector' && parameter.schema) withSectors(parameter.schema as SchemaObject, sectors);
      }
    }
  }
  for (const schema of Object.values(document.components?.schemas ?? {}) as SchemaObject[]) {
    const sector = schema.properties?.sector as SchemaObject | undefined;
    if (sector) withSectors(sector, sectors);
  }
  return document;
}

function withSectors(schema: SchemaObject, sectors: readonly string[]): void {
  delete schema.pattern;
  schema.enum = [...sectors];
}

const join = (first: string, rest: string | undefined) => (rest ? `${first}\n\n${rest}` : first);
