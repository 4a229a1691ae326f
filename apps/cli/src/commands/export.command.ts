import { Command, Option } from 'commander';
import { writeFileSync } from 'node:fs';
import { defaultProgramTerms } from '@c2g/domain';
import { StoreOptions } from '../cli-context';
import { withCaughtUpReadModels } from '../export/caught-up-read-models';
import { EXPORTABLE, Exportable, exportRows } from '../export/export-rows';
import { hxlTable } from '../export/hxl-tables';
import { toCsv } from '../export/to-csv';
import { toIati } from '../export/to-iati';

interface ExportOptions extends StoreOptions {
  format: 'csv' | 'ndjson' | 'hxl' | 'iati';
  out?: string;
  orgRef: string;
  orgName: string;
}

/** `c2g export <model> --format …`: a read model for spreadsheets, HXL tools or IATI. */
export function exportCommand(): Command {
  return new Command('export')
    .description('export a read model: csv and ndjson for any; hxl for needs and plans; iati for pairings')
    .argument('<model>', `one of ${EXPORTABLE.join(', ')}`)
    .addOption(new Option('--format <format>', 'output format').choices(['csv', 'ndjson', 'hxl', 'iati']).default('csv'))
    .option('--out <file>', 'write to a file instead of standard output')
    .option('--org-ref <ref>', 'IATI identifier of the reporting organisation', 'XI-C2G-JAFI')
    .option('--org-name <name>', 'name of the reporting organisation', 'The Jewish Agency for Israel')
    .option('--data-dir <dir>', 'data directory (default: $C2G_DATA_DIR or ./data)')
    .action(async (model: string, options: ExportOptions) => {
      if (!(EXPORTABLE as readonly string[]).includes(model)) throw new Error(`unknown model "${model}"; choose one of ${EXPORTABLE.join(', ')}`);
      if (options.format === 'hxl' && !['needs', 'plans'].includes(model)) throw new Error('hxl exports needs or plans');
      if (options.format === 'iati' && model !== 'pairings') throw new Error('iati exports pairings');
      const output = await withCaughtUpReadModels(options, (db) => {
        if (options.format === 'hxl') return hxlTable(model as 'needs' | 'plans', db);
        if (options.format === 'iati') return toIati(db, { orgRef: options.orgRef, orgName: options.orgName, generatedAt: new Date().toISOString() });
        const rows = exportRows(model as Exportable, db, defaultProgramTerms);
        return options.format === 'csv' ? toCsv(rows) : rows.map((row) => JSON.stringify(row)).join('\n') + (rows.length ? '\n' : '');
      });
      if (options.out) writeFileSync(options.out, output);
      else process.stdout.write(output);
    });
}
