import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

class FieldProblemSchema {
  @ApiProperty({ example: 'window.to', description: 'the field (dotted path), or header:<Name> for a header' })
  field!: string;

  @ApiProperty({ type: [String], example: ['window.to must be a date (YYYY-MM-DD)'] })
  problems!: string[];
}

/** The one error shape of the API (DESIGN section 8), as documented in OpenAPI. */
export class ErrorBodySchema {
  @ApiProperty({ example: 'Unprocessable Entity', description: 'the HTTP reason phrase' })
  error!: string;

  @ApiProperty({ example: 'community-already-paired', description: 'machine-readable; stable across releases' })
  code!: string;

  @ApiProperty({ example: 'community kfar-aza already has an active pairing (kfar-aza-boston)' })
  message!: string;

  @ApiPropertyOptional({
    description: 'for 400: every bad field with its problems; for some 422s, the values involved',
    type: [FieldProblemSchema],
  })
  details?: FieldProblemSchema[];
}
