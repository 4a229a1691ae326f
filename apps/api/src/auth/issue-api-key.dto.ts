import { ApiProperty } from '@nestjs/swagger';
import { IsIn, Matches } from 'class-validator';
import { Name } from '../dto/text';
import { Role, ROLES } from './role';

export class IssueApiKeyDto {
  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;

  @Name(100, 'needs-intake-service', 'who uses the key; recorded as the actor of its commands')
  @Matches(/^[\p{L}\p{N} ._:@-]*$/u, { message: 'label may hold letters, digits, spaces and . _ : @ -' })
  label!: string;
}
