import { Presets, SingleBar } from 'cli-progress';

export interface Progress {
  start(label: string, total: number, unit: string): void;
  update(value: number): void;
  stop(): void;
}

/** A progress bar on stderr when it is a terminal; silent otherwise (pipes, cron, tests), like `c2g replay`. */
export function terminalProgress(): Progress {
  if (!process.stderr.isTTY) return { start() {}, update() {}, stop() {} };
  let bar: SingleBar | undefined;
  return {
    start(label, total, unit) {
      bar?.stop();
      bar = new SingleBar(
        { format: `${label.padEnd(24)} [{bar}] {percentage}% | {value}/{total} ${unit} | ETA {eta_formatted}`, stream: process.stderr },
        Presets.shades_classic,
      );
      bar.start(total, 0);
    },
    update(value) {
      bar?.update(value);
    },
    stop() {
      bar?.stop();
      bar = undefined;
    },
  };
}

export const silentProgress: Progress = { start() {}, update() {}, stop() {} };
