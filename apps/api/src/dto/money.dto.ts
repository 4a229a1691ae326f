import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, Matches, Max, Min } from 'class-validator';

/** Integer minor units plus an ISO-4217 currency; never a float. */
export class MoneyDto {
  @ApiProperty({ description: 'integer minor units (cents, agorot)', example: 25000000 })
  @IsInt({ message: 'amount must be an integer number of minor units (no fractions)' })
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  amount!: number;

  @ApiProperty({ example: 'USD' })
  @IsString()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO-4217 code such as USD or ILS' })
  currency!: string;
}
