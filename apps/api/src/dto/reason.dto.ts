import { Text } from './text';

/** Bodies that only explain why (withdrawals, cancellations, releases). */
export class ReasonDto {
  @Text(2000, 'superseded by the regional council plan')
  reason!: string;
}
