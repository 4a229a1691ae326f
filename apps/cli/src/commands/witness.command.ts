import { Command } from 'commander';
import { witnessOnce } from '../transparency/witness';

/** `c2g witness`: an auditor's independent copy of the log's checkpoints; exit 1 on a fork. */
export function witnessCommand(): Command {
  return new Command('witness')
    .description('fetch the log’s latest signed checkpoint, check it extends the last one this witness saw (consistency proof), and keep it; exit 1 loudly on a fork')
    .requiredOption('--url <url>', 'the c2g server, e.g. https://c2g.example.org')
    .requiredOption('--key <verifier key>', 'the log’s public key, pinned (GET /audit/public-key, obtained out of band)')
    .requiredOption('--state <dir>', 'where this witness keeps what it has seen (checkpoint.json, history.jsonl)')
    .option('--api-key <key>', 'an auditor API key (default: $C2G_API_KEY)')
    .action(async (options: { url: string; key: string; state: string; apiKey?: string }) => {
      const outcome = await witnessOnce({ ...options, apiKey: options.apiKey ?? process.env.C2G_API_KEY });
      const stream = outcome.ok ? process.stdout : process.stderr;
      for (const line of outcome.lines) stream.write(`${line}\n`);
      if (!outcome.ok) process.exitCode = 1;
    });
}
