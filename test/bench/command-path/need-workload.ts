import { defaultProgramTerms, NeedCommand, needDecider } from '../../../libs/domain/src';
import { median } from '../measure';

/** The decider both stores serve: c2g's own need rules. */
export const decider = needDecider(defaultProgramTerms);

export const LANES = 64;

/** A need's life as three commands on its stream: recorded, revised, fulfilled. */
export function needCommands(id: string): NeedCommand[] {
  const usd = (amount: number) => ({ amount, currency: 'USD' });
  return [
    {
      type: 'RecordNeed',
      data: {
        needId: id, pairingId: 'kfar-aza-boston', communityId: 'kfar-aza', title: `Mattresses ${id}`, description: 'for returning families',
        sector: 'housing', horizon: 'immediate', estimatedCost: usd(3_600_000), window: { from: '2025-01-01', to: '2025-06-30' },
      },
    } as NeedCommand,
    { type: 'ReviseNeed', data: { changes: { estimatedCost: usd(4_000_000) } } } as NeedCommand,
    { type: 'FulfilNeed', data: { note: 'delivered' } },
  ];
}

/** 64 lanes, each taking its needs through their commands one after the other; returns throughput and latency. */
export async function runWorkload(needsPerLane: number, handle: (streamId: string, command: NeedCommand) => Promise<void>) {
  const latencies: number[] = [];
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: LANES }, async (_, lane) => {
      for (let n = 0; n < needsPerLane; n += 1) {
        const id = `${lane}-${n}`;
        for (const command of needCommands(id)) {
          const t0 = process.hrtime.bigint();
          await handle(`need-${id}`, command);
          latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
        }
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  latencies.sort((a, b) => a - b);
  return { commandsPerSecond: latencies.length / seconds, p50Ms: median(latencies), p99Ms: latencies[Math.floor(latencies.length * 0.99)] };
}
