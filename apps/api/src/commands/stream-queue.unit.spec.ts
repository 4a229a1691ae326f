import { StreamQueue } from './stream-queue';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('the per-stream command queue', () => {
  it('runs tasks on one stream one at a time, in arrival order', async () => {
    const queue = new StreamQueue();
    const log: string[] = [];
    let running = 0;
    let most = 0;
    const task = (name: string) => async () => {
      running += 1;
      most = Math.max(most, running);
      log.push(`start ${name}`);
      await tick();
      log.push(`end ${name}`);
      running -= 1;
      return name;
    };
    const results = await Promise.all(['a', 'b', 'c'].map((name) => queue.run(['pairing-1'], task(name))));
    expect(results).toEqual(['a', 'b', 'c']);
    expect(most).toBe(1);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });

  it('lets tasks on different streams run side by side', async () => {
    const queue = new StreamQueue();
    let running = 0;
    let most = 0;
    const task = async () => {
      running += 1;
      most = Math.max(most, running);
      await tick();
      running -= 1;
    };
    await Promise.all([queue.run(['a'], task), queue.run(['b'], task), queue.run(['c'], task)]);
    expect(most).toBe(3);
  });

  it('makes a task over several streams wait for each of them, without deadlock', async () => {
    const queue = new StreamQueue();
    const log: string[] = [];
    const task = (name: string) => async () => {
      log.push(`start ${name}`);
      await tick();
      log.push(`end ${name}`);
    };
    await Promise.all([
      queue.run(['x'], task('x1')),
      queue.run(['y'], task('y1')),
      queue.run(['y', 'x'], task('xy')),
      queue.run(['x', 'y'], task('yx')),
      queue.run(['x'], task('x2')),
    ]);
    expect(log.indexOf('start xy')).toBeGreaterThan(Math.max(log.indexOf('end x1'), log.indexOf('end y1')));
    expect(log.indexOf('start yx')).toBeGreaterThan(log.indexOf('end xy'));
    expect(log.indexOf('start x2')).toBeGreaterThan(log.indexOf('end yx'));
  });

  it('goes on after a task fails, and passes the failure to its caller only', async () => {
    const queue = new StreamQueue();
    const failed = queue.run(['s'], async () => {
      throw new Error('refused');
    });
    const next = queue.run(['s'], async () => 'next');
    await expect(failed).rejects.toThrow('refused');
    await expect(next).resolves.toBe('next');
    await tick();
    expect(queue.busyStreams).toBe(0);
  });
});
