import { Command, Option } from 'commander';
import { defaultProgramTerms } from '@c2g/domain';
import { allProjections, AsOf, buildAsOf, coverageReport, fundingReport, getPairing } from '@c2g/projections';
import { StoreOptions, withStore } from '../cli-context';
import { parseCliDate } from '../cli-dates';
import { RemoteOptions, remoteGet } from '../remote';

interface AsOfOptions extends StoreOptions, RemoteOptions {
  report: 'funding' | 'coverage' | 'pairing';
  pairing?: string;
  stalledDays: string;
}

function parsePoint(value: string): AsOf {
  if (/^\d{1,19}$/.test(value)) return { position: BigInt(value) };
  return { until: parseCliDate('the point', value, { endOfDay: true }) };
}

/** `c2g as-of <date|position>`: a report as the program knew it then, replayed from the log. */
export function asOfCommand(): Command {
  return new Command('as-of')
    .description('print a report (JSON) as the program knew it at a date or log position')
    .argument('<point>', 'a date (YYYY-MM-DD, the end of that day), an ISO date-time, or a log position')
    .addOption(new Option('--report <report>', 'which report').choices(['funding', 'coverage', 'pairing']).default('funding'))
    .option('--pairing <id>', 'the pairing, with --report pairing')
    .option('--stalled-days <days>', 'coverage: days in one phase that count as stalled', '90')
    .option('--data-dir <dir>', 'data directory (default: $C2G_DATA_DIR or ./data)')
    .option('--url <url>', 'ask a running server instead')
    .option('--key <key>', 'an analyst API key (with --url)')
    .action(async (point: string, options: AsOfOptions) => {
      const asOf = parsePoint(point);
      if (options.report === 'pairing' && !options.pairing) throw new Error('--report pairing needs --pairing <id>');
      if (options.url) {
        const path = options.report === 'pairing' ? `/pairings/${encodeURIComponent(options.pairing!)}` : `/reports/${options.report}`;
        process.stdout.write(JSON.stringify(await remoteGet(options, `${path}?asOf=${encodeURIComponent(point)}`), null, 2) + '\n');
        return;
      }
      const answer = await withStore(options, async (store) => {
        const build = await buildAsOf(store, allProjections(), asOf);
        try {
          const db = (name: string) => build.databases.get(name)!;
          const position = build.position.toString();
          if (options.report === 'funding') return { ...fundingReport(db('funding-ledger')), position };
          if (options.report === 'pairing') {
            const pairing = getPairing(db('pairings'), options.pairing!, defaultProgramTerms);
            if (!pairing) throw new Error(`no pairing ${options.pairing} as of ${point}`);
            return { ...pairing, position };
          }
          const today = 'until' in asOf ? asOf.until : new Date().toISOString();
          const terms = { teamSeatsPerSide: defaultProgramTerms.teamSeatsPerSide, stalledAfterDays: Number(options.stalledDays) };
          return { ...coverageReport(db('coverage'), terms, today), position };
        } finally {
          build.close();
        }
      });
      process.stdout.write(JSON.stringify(answer, null, 2) + '\n');
    });
}
