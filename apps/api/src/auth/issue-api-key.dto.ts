import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length, Matches } from 'class-validator';
import { Role, ROLES } from './role';

export class IssueApiKeyDto {
  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;

  @ApiProperty({ example: 'needs-intake-service', description: 'who uses the key; recorded as the actor of its commands' })
  @IsString()
  @Length(1, 100)
  @Matches(/^[\p{L}\p{N} ._:@-]+$/u, { message: 'label may hold letters, digits, spaces and . _ : @ -' })
  label!: string;
}
