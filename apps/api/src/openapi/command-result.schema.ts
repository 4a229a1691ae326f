import { ApiProperty } from '@nestjs/swagger';

/** The answer to every command, as documented in OpenAPI (commands/command-result.ts). */
export class CommandResultSchema {
  @ApiProperty({ example: 'kfar-aza-boston', description: 'the id of the thing the command is about (assigned when the body had none)' })
  id!: string;

  @ApiProperty({ example: 'pairing-kfar-aza-boston' })
  streamId!: string;

  @ApiProperty({ type: 'integer', example: 0, description: "the stream's revision after the command; send it as If-Match to guard the next one" })
  revision!: number;

  @ApiProperty({ type: 'integer', example: 5, description: 'the log position of the last event written; pass it as ?minPosition= to read your own write' })
  position!: number;

  @ApiProperty({ type: [String], format: 'uuid', description: 'the events written; empty when the command changed nothing (an idempotent repeat)' })
  eventIds!: string[];
}
