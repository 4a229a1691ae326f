import { useEffect, useState } from 'react';
import { parseSse } from './sse';

export type LiveState = { state: 'off'; reason: string } | { state: 'connecting' } | { state: 'on'; position?: string };

/**
 * Follows GET /live (Server-Sent Events) with fetch, because EventSource cannot send the key
 * in an Authorization header and the key never goes in a URL. Each committed change moves
 * `position`; views then read again with ?minPosition= so they show at least that change.
 * Bursts are coalesced: at most one position update every 300 ms. Reconnects after 3 s.
 */
export function useLive(key: string | undefined, enabled: boolean): LiveState {
  const [live, setLive] = useState<LiveState>({ state: 'off', reason: 'no analyst key' });
  useEffect(() => {
    if (!key || !enabled) {
      setLive({ state: 'off', reason: !key ? 'no analyst key' : 'as of' });
      return;
    }
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let latest: string | undefined;
    const flush = () => {
      timer = undefined;
      setLive({ state: 'on', position: latest });
    };
    const connect = async (): Promise<void> => {
      setLive({ state: 'connecting' });
      try {
        const response = await fetch('/live', { headers: { authorization: `Bearer ${key}`, accept: 'text/event-stream' }, signal: controller.signal });
        if (!response.ok || !response.body) throw new Error(`the server answered ${response.status}`);
        setLive({ state: 'on', position: latest });
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) throw new Error('the server closed the feed');
          const { messages, rest } = parseSse(buffer + value);
          buffer = rest;
          for (const message of messages) {
            if (message.event !== 'change' || message.id === undefined) continue;
            latest = message.id;
            timer ??= setTimeout(flush, 300);
          }
        }
      } catch (error) {
        if (controller.signal.aborted) return;
        setLive({ state: 'off', reason: (error as Error).message });
        setTimeout(() => void (controller.signal.aborted || connect()), 3000);
      }
    };
    void connect();
    return () => {
      controller.abort();
      if (timer) clearTimeout(timer);
    };
  }, [key, enabled]);
  return live;
}
