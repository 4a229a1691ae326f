import { useState } from 'react';
import { byId, Community, Loadable, PositionNote } from '../common';
import { useAllPages, useApi, useConsole } from '../context';
import { formatMoney, Money } from '../money';
import { BarChart, COLORS } from './bar-chart';

interface Amounts {
  committed: Money;
  pledged: Money;
  disbursed: Money;
}
interface FundingReport {
  pairings: { pairingId: string; israeliCommunityId: string; globalCommunityId: string; years: (Amounts & { year: number })[]; total: Amounts }[];
  globalCommunities: (Amounts & { globalCommunityId: string })[];
  program: Amounts[];
  position: string;
}

const KINDS = ['committed', 'pledged', 'disbursed'] as const;

/** Rows of the funding report, one per pairing and program year, for the export buttons. */
function exportRows(report: FundingReport) {
  return report.pairings.flatMap((p) =>
    p.years.map((y) => ({
      pairingId: p.pairingId,
      israeliCommunityId: p.israeliCommunityId,
      globalCommunityId: p.globalCommunityId,
      year: y.year,
      currency: y.committed.currency,
      committed: y.committed.amount / 100,
      pledged: y.pledged.amount / 100,
      disbursed: y.disbursed.amount / 100,
    })),
  );
}

function download(name: string, type: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  URL.revokeObjectURL(url);
}

function csv(rows: Record<string, string | number>[]): string {
  const columns = Object.keys(rows[0] ?? {});
  const cell = (value: string | number) => (/[",\n]/.test(String(value)) ? `"${String(value).replace(/"/g, '""')}"` : String(value));
  return '\ufeff' + [columns.join(','), ...rows.map((row) => columns.map((c) => cell(row[c])).join(','))].join('\r\n') + '\r\n';
}

/** Groups amounts by currency: one chart and one table per currency, never a sum across them. */
function currencies(amounts: Amounts[]): string[] {
  return [...new Set(amounts.map((a) => a.committed.currency))];
}

function AmountsTable({ caption, rows }: { caption: string; rows: { label: string; amounts: Amounts }[] }) {
  const { t, locale } = useConsole();
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col" />
          {KINDS.map((k) => (
            <th scope="col" key={k}>
              {t(k)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map(({ label, amounts }) => (
          <tr key={label}>
            <th scope="row">
              <bdi>{label}</bdi>
            </th>
            {KINDS.map((k) => (
              <td key={k} className="num">
                {formatMoney(amounts[k], locale)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ChartAndTable({ title, rows }: { title: string; rows: { label: string; amounts: Amounts }[] }) {
  const { t } = useConsole();
  return (
    <>
      {currencies(rows.map((r) => r.amounts)).map((currency) => {
        const mine = rows.filter((r) => r.amounts.committed.currency === currency);
        return (
          <div className="chart-and-table" key={currency}>
            <BarChart
              title={title}
              currency={currency}
              labels={mine.map((r) => r.label)}
              series={KINDS.map((k) => ({ label: t(k), values: mine.map((r) => r.amounts[k].amount / 100), color: COLORS[k] }))}
            />
            <AmountsTable caption={`${title} (${currency})`} rows={mine} />
          </div>
        );
      })}
    </>
  );
}

/** View 3: committed vs pledged vs disbursed, per pairing and year, per global community, in total. */
export function FundingView() {
  const { t } = useConsole();
  const report = useApi<FundingReport>('analyst', '/reports/funding');
  const communities = useAllPages<Community>('analyst', '/communities');
  const [pairingId, setPairingId] = useState('');
  return (
    <Loadable loaded={report}>
      {(data) => {
        const names = byId(communities.data?.items);
        const name = (id: string) => names.get(id)?.name ?? id;
        const chosen = data.pairings.find((p) => p.pairingId === pairingId) ?? data.pairings[0];
        return (
          <>
            <PositionNote position={data.position} />
            <div className="actions">
              <button type="button" onClick={() => download('c2g-funding.csv', 'text/csv', csv(exportRows(data)))}>
                {t('exportCsv')}
              </button>
              <button type="button" onClick={() => download('c2g-funding.ndjson', 'application/x-ndjson', exportRows(data).map((r) => JSON.stringify(r)).join('\n') + '\n')}>
                {t('exportNdjson')}
              </button>
              <p>
                {t('exportCli')} <code dir="ltr">npx c2g export funding --format hxl</code> · <code dir="ltr">npx c2g export funding --format iati</code>
              </p>
            </div>
            <section aria-labelledby="program-total">
              <h2 id="program-total">{t('programTotal')}</h2>
              <ChartAndTable title={t('programTotal')} rows={data.program.map((amounts) => ({ label: amounts.committed.currency, amounts }))} />
            </section>
            <section aria-labelledby="per-global">
              <h2 id="per-global">{t('perGlobalCommunity')}</h2>
              <ChartAndTable title={t('perGlobalCommunity')} rows={data.globalCommunities.map((g) => ({ label: name(g.globalCommunityId), amounts: g }))} />
            </section>
            <section aria-labelledby="per-pairing">
              <h2 id="per-pairing">{t('perPairingYear')}</h2>
              {chosen ? (
                <>
                  <label>
                    {t('pairing')}
                    <select value={chosen.pairingId} onChange={(e) => setPairingId(e.target.value)}>
                      {data.pairings.map((p) => (
                        <option key={p.pairingId} value={p.pairingId}>
                          {name(p.israeliCommunityId)} — {name(p.globalCommunityId)}
                        </option>
                      ))}
                    </select>
                  </label>
                  <ChartAndTable title={`${name(chosen.israeliCommunityId)} — ${name(chosen.globalCommunityId)}`} rows={chosen.years.map((y) => ({ label: `${t('year')} ${y.year}`, amounts: y }))} />
                </>
              ) : (
                <p className="notice">{t('empty')}</p>
              )}
            </section>
          </>
        );
      }}
    </Loadable>
  );
}
