import { C2gLogger } from './c2g-logger';

/** What one logger call writes to stdout and stderr. */
function written(logger: C2gLogger, call: (logger: C2gLogger) => void): string {
  let output = '';
  const capture = (chunk: string | Uint8Array) => ((output += chunk.toString()), true);
  const out = jest.spyOn(process.stdout, 'write').mockImplementation(capture);
  const err = jest.spyOn(process.stderr, 'write').mockImplementation(capture);
  try {
    call(logger);
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  return output;
}

describe('C2gLogger text lines', () => {
  const noColor = process.env.NO_COLOR;
  beforeAll(() => delete process.env.NO_COLOR);
  afterAll(() => (noColor === undefined ? undefined : (process.env.NO_COLOR = noColor)));

  it('carry no ANSI colour codes off a terminal (a log file, a pipe)', () => {
    const output = written(new C2gLogger(['log', 'error'], 'text', false), (logger) => {
      logger.log('listening', 'c2g');
      logger.error('parked', 'Projections');
    });
    expect(output).toMatch(/LOG \[c2g\] listening/);
    expect(output).toMatch(/ERROR \[Projections\] parked/);
    expect(output).not.toMatch(/\x1b\[/);
  });

  it('are coloured for a person at a terminal', () => {
    expect(written(new C2gLogger(['log'], 'text', true), (logger) => logger.log('listening', 'c2g'))).toMatch(/\x1b\[32m/);
  });
});
