import { parse } from 'csv-parse/sync';
import { toCsv } from './to-csv';

describe('toCsv', () => {
  it('puts one value per cell: nested fields as dotted columns, lists as indexed ones kept together item by item', () => {
    const csv = toCsv([
      { id: 'kfar-aza', aliases: ['Kfar Azza'], team: [{ side: 'israeli', role: 'coordinator' }], commitment: { annual: { amount: 25_000_000, currency: 'USD' } } },
      { id: 'beeri', aliases: ['Beeri', 'Kibbutz Beeri'], team: [{ side: 'israeli', role: 'coordinator' }, { side: 'global', role: 'member' }], commitment: { annual: { amount: 30_000_000, currency: 'USD' } } },
      { id: 'erez', aliases: [], team: [], commitment: { annual: { amount: 0, currency: 'USD' } } },
    ]);
    expect(csv.startsWith('\ufeff')).toBe(true);
    const [header, ...rows] = parse(csv.slice(1)) as string[][];
    expect(header).toEqual([
      'id', 'aliases.0', 'aliases.1', 'team.0.side', 'team.0.role', 'team.1.side', 'team.1.role', 'commitment.annual.amount', 'commitment.annual.currency',
    ]);
    expect(rows).toEqual([
      ['kfar-aza', 'Kfar Azza', '', 'israeli', 'coordinator', '', '', '25000000', 'USD'],
      ['beeri', 'Beeri', 'Kibbutz Beeri', 'israeli', 'coordinator', 'global', 'member', '30000000', 'USD'],
      ['erez', '', '', '', '', '', '', '0', 'USD'],
    ]);
  });
});
