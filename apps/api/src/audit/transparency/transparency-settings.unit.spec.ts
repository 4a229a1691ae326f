import { transparencySettingsFrom } from './transparency-settings';

describe('transparency settings', () => {
  it('default to the origin c2g/transparency-log, a checkpoint every 300 s, the key from the data directory', () => {
    expect(transparencySettingsFrom({})).toEqual({ origin: 'c2g/transparency-log', checkpointIntervalSeconds: 300 });
  });

  it('read C2G_SIGNING_KEY, C2G_LOG_ORIGIN and C2G_CHECKPOINT_INTERVAL_SECONDS', () => {
    expect(transparencySettingsFrom({ C2G_SIGNING_KEY: ' PRIVATE+KEY+x ', C2G_LOG_ORIGIN: 'c2g.example.org/log', C2G_CHECKPOINT_INTERVAL_SECONDS: '0' })).toEqual({
      signingKey: 'PRIVATE+KEY+x', origin: 'c2g.example.org/log', checkpointIntervalSeconds: 0,
    });
  });

  it.each([
    [{ C2G_LOG_ORIGIN: 'has space' }, 'C2G_LOG_ORIGIN must be 1-200 characters'],
    [{ C2G_LOG_ORIGIN: 'a+b' }, 'C2G_LOG_ORIGIN must be 1-200 characters'],
    [{ C2G_CHECKPOINT_INTERVAL_SECONDS: '1.5' }, 'C2G_CHECKPOINT_INTERVAL_SECONDS must be a whole number of seconds, got "1.5"'],
    [{ C2G_CHECKPOINT_INTERVAL_SECONDS: '-1' }, 'C2G_CHECKPOINT_INTERVAL_SECONDS must be a whole number'],
  ])('refuse %o naming the variable', (env, message) => {
    expect(() => transparencySettingsFrom(env)).toThrow(message);
  });
});
