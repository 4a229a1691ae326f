import { FormEvent, useState } from 'react';
import { ApiError, request, withQuery } from '../api';
import { ErrorNotice, Loadable } from '../common';
import { useApi, useConsole } from '../context';

interface AuditEvent {
  position: string;
  streamId: string;
  revision: number;
  eventId: string;
  type: string;
  data: unknown;
  metadata: { actor: string; role: string; correlationId: string; occurredAt: string };
  prevHash: string;
  hash: string;
}

type Verification =
  | { ok: true; streams: number; events: number }
  | { ok: false; brokenLink: { streamId: string; revision: number; position: string; reason?: string } };

type Selection = { kind: 'log'; fromPosition: string } | { kind: 'stream'; streamId: string } | { kind: 'correlation'; correlationId: string };

function EventsTable({ events, select }: { events: AuditEvent[]; select: (s: Selection) => void }) {
  const { t, locale } = useConsole();
  if (events.length === 0) return <p className="notice">{t('empty')}</p>;
  return (
    <div className="table-wrap">
      <table className="events">
        <caption className="visually-hidden">{t('events')}</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t('streamId')}</th>
            <th scope="col">{t('type')}</th>
            <th scope="col">{t('occurredAt')}</th>
            <th scope="col">{t('actor')}</th>
            <th scope="col">{t('correlation')}</th>
            <th scope="col">{t('hash')}</th>
            <th scope="col">{t('data')}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr key={e.eventId}>
              <td className="num">{e.position}</td>
              <td>
                <button type="button" className="link" onClick={() => select({ kind: 'stream', streamId: e.streamId })}>
                  {e.streamId}
                </button>{' '}
                r{e.revision}
              </td>
              <td>{e.type}</td>
              <td>{new Date(e.metadata.occurredAt).toLocaleString(locale)}</td>
              <td>
                {e.metadata.actor} ({e.metadata.role})
              </td>
              <td>
                <button type="button" className="link" aria-label={t('followCorrelation', { id: e.metadata.correlationId })} onClick={() => select({ kind: 'correlation', correlationId: e.metadata.correlationId })}>
                  {e.metadata.correlationId.slice(0, 8)}…
                </button>
              </td>
              <td className="hash">
                <code title={`${t('hash')} ${e.hash}`}>{e.hash.slice(0, 12)}…</code>
                <br />
                <code title={`${t('prevHash')} ${e.prevHash}`}>← {e.prevHash.slice(0, 12)}…</code>
              </td>
              <td>
                <details>
                  <summary>{t('data')}</summary>
                  <pre dir="ltr">{JSON.stringify({ data: e.data, metadata: e.metadata }, null, 2)}</pre>
                </details>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** View 6 (auditor): the log and its streams event by event, correlation ids, chain verification. */
export function AuditView() {
  const { t, keys } = useConsole();
  const [selection, setSelection] = useState<Selection>({ kind: 'log', fromPosition: '0' });
  const [streamInput, setStreamInput] = useState('');
  const [verification, setVerification] = useState<{ busy: boolean; result?: Verification; error?: Error }>({ busy: false });
  const path =
    selection.kind === 'stream'
      ? withQuery(`/audit/streams/${encodeURIComponent(selection.streamId)}`, { limit: 100 })
      : selection.kind === 'correlation'
        ? withQuery('/audit/events', { correlationId: selection.correlationId, limit: 100 })
        : withQuery('/audit/events', { fromPosition: selection.fromPosition, limit: 25 });
  const page = useApi<{ items: AuditEvent[]; nextFromPosition?: string }>('auditor', path, {}, { asOf: false, live: false });
  const verify = async () => {
    setVerification({ busy: true });
    try {
      setVerification({ busy: false, result: await request<Verification>(keys.auditor ?? '', 'GET', '/audit/verify') });
    } catch (error) {
      setVerification({ busy: false, error: error as ApiError });
    }
  };
  const openStream = (event: FormEvent) => {
    event.preventDefault();
    if (streamInput.trim()) setSelection({ kind: 'stream', streamId: streamInput.trim() });
  };
  const heading =
    selection.kind === 'stream' ? selection.streamId : selection.kind === 'correlation' ? `${t('correlation')} ${selection.correlationId}` : t('recentEvents', { from: selection.fromPosition });
  return (
    <>
      <section aria-labelledby="verify-heading">
        <h2 id="verify-heading">{t('verify')}</h2>
        <button type="button" onClick={verify} disabled={verification.busy || !keys.auditor}>
          {verification.busy ? t('verifying') : t('verify')}
        </button>
        <div aria-live="polite" data-testid="verify-result">
          {verification.result?.ok === true ? <p className="notice ok">{t('verifyOk', { streams: verification.result.streams, events: verification.result.events })}</p> : null}
          {verification.result?.ok === false ? (
            <p className="notice error">
              {t('verifyBroken', { ...verification.result.brokenLink, reason: verification.result.brokenLink.reason ?? '' })}
            </p>
          ) : null}
          {verification.error ? <ErrorNotice error={verification.error} /> : null}
        </div>
        <p className="muted">{t('checkpoints')}</p>
      </section>
      <section aria-labelledby="events-heading">
        <h2 id="events-heading">
          <bdi>{heading}</bdi>
        </h2>
        <form className="filters" onSubmit={openStream}>
          <label>
            {t('streamId')}
            <input value={streamInput} onChange={(e) => setStreamInput(e.target.value)} placeholder="pairing-…" dir="ltr" />
          </label>
          <button type="submit">{t('openStream')}</button>
          {selection.kind !== 'log' ? (
            <button type="button" onClick={() => setSelection({ kind: 'log', fromPosition: '0' })}>
              {t('backToLog')}
            </button>
          ) : null}
        </form>
        <Loadable loaded={page}>
          {(data) => (
            <>
              <EventsTable events={data.items} select={setSelection} />
              {selection.kind === 'log' && data.nextFromPosition ? (
                <button type="button" onClick={() => setSelection({ kind: 'log', fromPosition: data.nextFromPosition! })}>
                  {t('next')}
                </button>
              ) : null}
            </>
          )}
        </Loadable>
      </section>
    </>
  );
}
