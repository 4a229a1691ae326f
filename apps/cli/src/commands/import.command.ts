import { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { dataDirOf, StoreOptions } from '../cli-context';
import { withInProcessApi } from '../in-process-api';
import { RemoteOptions } from '../remote';

type ImportOptions = StoreOptions & RemoteOptions & { json?: boolean };

/** `c2g import plans FILE.csv`: a Tekuma / municipal plan list, with a report per row. */
export function importCommand(): Command {
  const plans = new Command('plans')
    .description('import a plan list (CSV, UTF-8, header row); idempotent by (source, externalRef); prints a report per row')
    .argument('<file>', 'the CSV file')
    .option('--data-dir <dir>', 'data directory (default: $C2G_DATA_DIR or ./data)')
    .option('--url <url>', 'send to a running server instead')
    .option('--key <key>', 'a service API key (with --url)')
    .option('--json', 'print the report as one JSON object (rows, summary) instead of lines')
    .action(async (file: string, options: ImportOptions) => {
      const csv = readFileSync(file, 'utf8');
      const { status, body } = options.url ? await overHttp(options, csv) : await inProcess(options, csv);
      if (status !== 200) throw new Error(`import refused with ${status}: ${body}`);
      const report = JSON.parse(body) as { rows: { row: number; externalRef?: string; outcome: string; reasons?: string[] }[]; summary: Record<string, number> };
      if (report.summary.rejected > 0) process.exitCode = 1;
      if (options.json) {
        process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
        return;
      }
      for (const row of report.rows) {
        process.stdout.write(`row ${row.row}\t${row.externalRef ?? '-'}\t${row.outcome}${row.reasons ? `\t${row.reasons.join(' | ')}` : ''}\n`);
      }
      process.stdout.write(`${JSON.stringify(report.summary)}\n`);
    });
  return new Command('import').description('import data from files').addCommand(plans);
}

async function overHttp(options: ImportOptions, csv: string) {
  if (!options.key) throw new Error('--url needs --key <service key>');
  const response = await fetch(`${options.url!.replace(/\/$/, '')}/plans/import`, {
    method: 'POST',
    headers: { authorization: `Bearer ${options.key}`, 'content-type': 'text/csv; charset=utf-8' },
    body: csv,
  });
  return { status: response.status, body: await response.text() };
}

function inProcess(options: ImportOptions, csv: string) {
  return withInProcessApi(dataDirOf(options), { service: 'plan-import' }, (send) =>
    send('service')('POST', '/plans/import', csv, { 'content-type': 'text/csv; charset=utf-8' }),
  );
}
