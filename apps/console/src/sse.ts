/** One Server-Sent Event as the API's /live sends it. */
export interface SseMessage {
  event: string;
  id?: string;
  data: string;
}

/**
 * Splits a text stream into SSE messages (the WHATWG event-stream format: blank-line separated
 * blocks of `field: value` lines). EventSource cannot send an Authorization header, so the
 * console reads /live with fetch and parses it here. Returns the messages complete so far and
 * the unfinished rest to prepend to the next chunk.
 */
export function parseSse(buffer: string): { messages: SseMessage[]; rest: string } {
  const normalised = buffer.replace(/\r\n?/g, '\n');
  const blocks = normalised.split('\n\n');
  const rest = blocks.pop() ?? '';
  const messages: SseMessage[] = [];
  for (const block of blocks) {
    let event = 'message';
    let id: string | undefined;
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line === '' || line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon === -1 ? line : line.slice(0, colon);
      const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') event = value;
      else if (field === 'id') id = value;
      else if (field === 'data') data.push(value);
    }
    if (data.length > 0) messages.push({ event, ...(id === undefined ? {} : { id }), data: data.join('\n') });
  }
  return { messages, rest };
}
