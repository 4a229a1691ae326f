import { parseSse } from '../../apps/console/src/sse';

describe('console SSE parser (the /live feed read with fetch)', () => {
  it('splits messages on blank lines, keeps event, id and multi-line data, and returns the unfinished rest', () => {
    const { messages, rest } = parseSse('event: change\nid: 12\ndata: {"a":1}\n\n: comment\n\nevent: heartbeat\ndata: {}\r\n\r\nevent: change\nid: 13\ndata: {"b"');
    expect(messages).toEqual([
      { event: 'change', id: '12', data: '{"a":1}' },
      { event: 'heartbeat', data: '{}' },
    ]);
    expect(rest).toBe('event: change\nid: 13\ndata: {"b"');
    expect(parseSse(`${rest}:2}\ndata: more\n\n`)).toEqual({ messages: [{ event: 'change', id: '13', data: '{"b":2}\nmore' }], rest: '' });
  });

  it('defaults the event name to message, as EventSource does', () => {
    expect(parseSse('data: x\n\n').messages).toEqual([{ event: 'message', data: 'x' }]);
  });
});
