import { OptionalText, Text } from './text';

/** Bodies that only explain why (withdrawals, cancellations, releases). */
export class ReasonDto {
  @Text(2000, 'superseded by the regional council plan')
  reason!: string;
}

export class OptionalReasonDto {
  @OptionalText(2000, 'moved to another role')
  reason?: string;
}
