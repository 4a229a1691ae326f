import { ConflictException } from '@nestjs/common';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { NoteSigner, openCheckpoint, SqliteEventStore } from '@c2g/event-store';
import { ProjectionRunner, TransparencyLogProjection, transparencyTreeFile } from '@c2g/projections';
import { eventually } from '../../../../../test/support/eventually';
import { rewriteStream } from '../../../../../test/support/tamper';
import { makeTempDir } from '../../../../../test/support/temp-dir';
import { AppConfig } from '../../config/app-config';
import { CheckpointHistory } from './checkpoint-history';
import { TransparencyLogService } from './transparency-log.service';

describe('TransparencyLogService', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let store: SqliteEventStore;
  let runner: ProjectionRunner;
  let history: CheckpointHistory;
  const signer = NoteSigner.generate('test/log');
  const config = (checkpointIntervalSeconds: number) => ({ readWaitMs: 5000, transparency: { origin: 'test/log', checkpointIntervalSeconds } }) as AppConfig;
  const startRunner = () => {
    runner = new ProjectionRunner({ store, dir: join(temp.dir, 'read-models'), projections: [new TransparencyLogProjection()] });
    runner.start();
  };
  const pledge = (streamId: string, n: number) => store.append(streamId, [{ type: 'PledgeMade', data: { n } }]);

  beforeEach(() => {
    temp = makeTempDir();
    store = new SqliteEventStore({ file: join(temp.dir, 'events.sqlite') });
    history = CheckpointHistory.open(join(temp.dir, 'checkpoints.sqlite'));
    startRunner();
  });
  afterEach(async () => {
    await runner.stop();
    await store.close();
    history.close();
    temp.remove();
  });

  it('refuses to sign a log rewritten under its last checkpoint, even once the tree is rebuilt from it, and keeps its history', async () => {
    for (let n = 0; n < 6; n += 1) await pledge(`pairing-${n % 2}`, n);
    const service = new TransparencyLogService(runner, store, signer, history, config(0));
    const first = await service.checkpointNow();
    expect(openCheckpoint(first.note, signer.verifier).treeSize).toBe(6);

    // An intruder rewrites a stream with recomputed chains; the tree is rebuilt from the altered log.
    await runner.stop();
    rewriteStream(join(temp.dir, 'events.sqlite'), 'pairing-1', (data) => ({ ...data, n: 1000 }));
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${transparencyTreeFile(join(temp.dir, 'read-models'))}${suffix}`, { force: true });
    startRunner();
    await pledge('pairing-0', 6);

    const rebuilt = new TransparencyLogService(runner, store, signer, history, config(0));
    const refused = rebuilt.checkpointNow();
    await expect(refused).rejects.toThrow(ConflictException);
    await expect(refused).rejects.toMatchObject({ response: { code: 'log-inconsistent-with-checkpoint' } });
    expect(history.from(0, 10).map((c) => c.treeSize)).toEqual([6]);
  });

  it('signs at its interval only when the log grew', async () => {
    await pledge('pairing-0', 0);
    const service = new TransparencyLogService(runner, store, signer, history, config(1));
    service.onApplicationBootstrap();
    try {
      await eventually(() => expect(history.from(0, 10).map((c) => c.treeSize)).toEqual([1]), 5000);
      await new Promise((resolve) => setTimeout(resolve, 1200));
      expect(history.from(0, 10)).toHaveLength(1);
      await pledge('pairing-0', 1);
      await eventually(() => expect(history.from(0, 10).map((c) => c.treeSize)).toEqual([1, 2]), 5000);
    } finally {
      clearInterval((service as unknown as { timer: NodeJS.Timeout }).timer);
    }
  });
});
