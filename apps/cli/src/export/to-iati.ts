import type { Database } from 'better-sqlite3';
import { create } from 'xmlbuilder2';
import { addYears } from '@c2g/domain';
import { listCommunities, listNeeds, listPairings, pairingTransactions } from '@c2g/projections';
import { majorUnits } from './to-hxl';

const ALL = { limit: Number.MAX_SAFE_INTEGER - 1 };

/** IATI activity-status codes: 1 pipeline, 2 implementation, 3 completion. */
const STATUS_OF_PHASE: Record<string, string> = {
  formation: '1',
  'immediate-relief': '2',
  'road-map': '2',
  recovery: '2',
  concluded: '3',
};

export interface IatiOptions {
  /** The reporting organisation's IATI identifier (prefix of every iati-identifier). */
  orgRef: string;
  orgName: string;
  /** When the file is generated (ISO date-time); passed in so output is reproducible. */
  generatedAt: string;
}

/** The day before an ISO date: a budget period ends the day before the next one starts. */
const dayBefore = (isoDate: string) => new Date(Date.parse(`${isoDate}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/** Splits 100 % over the sectors so the percentages add up exactly. */
function sectorShares(sectors: string[]): [string, number][] {
  const unique = [...new Set(sectors)].sort();
  const base = Math.floor(100 / unique.length);
  return unique.map((sector, i) => [sector, i === 0 ? 100 - base * (unique.length - 1) : base]);
}

/**
 * One IATI 2.03 activity per pairing: the global community funds (role 1), the Agency is
 * accountable and extends (2, 3), the Israeli community implements (4); budgets per program
 * year; pledges as outgoing commitments (type 2) and disbursements (type 3).
 */
export function toIati(db: (name: string) => Database, options: IatiOptions): string {
  const communities = new Map(listCommunities(db('communities'), {}, ALL).map((c) => [c.id, c]));
  const needs = listNeeds(db('needs-board'), {}, ALL);
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele('iati-activities', { version: '2.03', 'generated-datetime': options.generatedAt });
  for (const pairing of listPairings(db('pairings'), {}, ALL, { teamSeatsPerSide: 2 })) {
    const israeli = communities.get(pairing.israeliCommunityId);
    const global = communities.get(pairing.globalCommunityId);
    const currency = pairing.commitment.annual.currency;
    const start = pairing.commitment.startDate;
    const end = dayBefore(addYears(start, pairing.commitment.years));
    const activity = root.ele('iati-activity', { 'last-updated-datetime': options.generatedAt, 'default-currency': currency, 'xml:lang': 'en' });
    activity.ele('iati-identifier').txt(`${options.orgRef}-${pairing.id}`);
    activity.ele('reporting-org', { ref: options.orgRef, type: '21' }).ele('narrative').txt(options.orgName);
    activity.ele('title').ele('narrative').txt(`Communities2Gether: ${israeli?.name ?? pairing.israeliCommunityId} – ${global?.name ?? pairing.globalCommunityId}`);
    activity
      .ele('description', { type: '1' })
      .ele('narrative')
      .txt(`A ${pairing.commitment.years}-year partnership (${pairing.partnershipType}) supporting the recovery of ${israeli?.name ?? pairing.israeliCommunityId}${israeli?.regionalCouncil ? `, ${israeli.regionalCouncil}` : ''}; phase: ${pairing.phase}.`);
    activity.ele('participating-org', { role: '1' }).ele('narrative').txt(global?.name ?? pairing.globalCommunityId);
    activity.ele('participating-org', { role: '2', ref: options.orgRef }).ele('narrative').txt(options.orgName);
    activity.ele('participating-org', { role: '3', ref: options.orgRef }).ele('narrative').txt(options.orgName);
    activity.ele('participating-org', { role: '4' }).ele('narrative').txt(israeli?.name ?? pairing.israeliCommunityId);
    activity.ele('activity-status', { code: STATUS_OF_PHASE[pairing.phase] ?? '2' });
    activity.ele('activity-date', { type: '1', 'iso-date': start });
    activity.ele('activity-date', { type: '3', 'iso-date': end });
    activity.ele('recipient-country', { code: 'IL', percentage: '100' });
    const sectors = needs.filter((n) => n.pairingId === pairing.id).map((n) => n.sector);
    for (const [sector, percentage] of sectorShares(sectors.length ? sectors : ['community-resilience'])) {
      activity.ele('sector', { vocabulary: '99', code: sector, percentage: String(percentage) }).ele('narrative').txt(sector);
    }
    pairing.funding.forEach((year) => {
      const budget = activity.ele('budget', { type: '1', status: '2' });
      budget.ele('period-start', { 'iso-date': addYears(start, year.year - 1) });
      budget.ele('period-end', { 'iso-date': dayBefore(addYears(start, year.year)) });
      budget.ele('value', { currency, 'value-date': addYears(start, year.year - 1) }).txt(majorUnits(year.committed.amount));
    });
    const { pledges, disbursements } = pairingTransactions(db('pairings'), pairing.id);
    const transaction = (type: string, date: string, amount: { amount: number; currency: string }) => {
      const t = activity.ele('transaction');
      t.ele('transaction-type', { code: type });
      t.ele('transaction-date', { 'iso-date': date.slice(0, 10) });
      t.ele('value', { currency: amount.currency, 'value-date': date.slice(0, 10) }).txt(majorUnits(amount.amount));
    };
    for (const pledge of pledges) transaction('2', pledge.date, pledge.amount);
    for (const disbursement of disbursements) transaction('3', disbursement.date, disbursement.amount);
  }
  return root.end({ prettyPrint: true });
}
