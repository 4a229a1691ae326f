import { ProgramRuleError } from './decider/program-rule-error';
import { Money } from './shared/money';
import { DEFAULT_SECTORS, Sector } from './shared/sector';

/** The Communities2Gether terms every decision is checked against: configuration, not literals. */
export interface ProgramTerms {
  /** Per year, per pairing; a commitment in another currency is refused (no implicit exchange). */
  minimumAnnualCommitment: Money;
  minimumYears: number;
  /** Members per side (israeli, global, agency) of a pairing's joint team. */
  teamSeatsPerSide: number;
  sectors: readonly Sector[];
}

export const defaultProgramTerms: ProgramTerms = {
  minimumAnnualCommitment: { amount: 25_000_000, currency: 'USD' },
  minimumYears: 3,
  teamSeatsPerSide: 2,
  sectors: DEFAULT_SECTORS,
};

export function assertSector(terms: ProgramTerms, sector: string): void {
  if (!terms.sectors.includes(sector)) {
    throw new ProgramRuleError('sector-unknown', `sector "${sector}" is not in the program taxonomy`, {
      sectors: terms.sectors,
    });
  }
}
