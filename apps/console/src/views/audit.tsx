import { FormEvent, useEffect, useState } from 'react';
import { ApiError, request, withQuery } from '../api';
import { ErrorNotice, Loadable } from '../common';
import { useApi, useConsole } from '../context';
import { WordKey } from '../i18n';
import { eventLeafHash, verifyInclusion } from '../merkle';

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

interface Checkpoint {
  origin: string;
  treeSize: number;
  rootHash: string;
  timestamp: string;
  note: string;
}

interface InclusionProof {
  leafIndex: number;
  treeSize: number;
  leafHash: string;
  rootHash: string;
  auditPath: string[];
}

type InclusionResult = { position: string; ok: true; leaf: number; size: number; root: string } | { position: string; ok: false; size: number; reason: string } | { position: string; error: Error };

/** Asks the API for the audit path of one event in the checkpoint's tree and checks it here. */
async function checkInclusion(key: string, event: AuditEvent, checkpoint: Checkpoint, t: (k: WordKey) => string): Promise<InclusionResult> {
  const position = event.position;
  try {
    const proof = await request<InclusionProof>(key, 'GET', withQuery(`/audit/events/${encodeURIComponent(position)}/inclusion`, { treeSize: checkpoint.treeSize }));
    const fail = (reason: WordKey): InclusionResult => ({ position, ok: false, size: checkpoint.treeSize, reason: t(reason) });
    if ((await eventLeafHash(event)) !== proof.leafHash) return fail('leafMismatch');
    if (proof.rootHash !== checkpoint.rootHash) return fail('rootMismatch');
    if (!(await verifyInclusion(proof.leafIndex, checkpoint.treeSize, proof.leafHash, proof.auditPath, checkpoint.rootHash))) return fail('pathInvalid');
    return { position, ok: true, leaf: proof.leafIndex, size: checkpoint.treeSize, root: checkpoint.rootHash.slice(0, 12) };
  } catch (error) {
    return { position, error: error as Error };
  }
}

function TransparencyPanel({ onLatest, result }: { onLatest: (checkpoint?: Checkpoint) => void; result?: InclusionResult }) {
  const { t, keys, locale } = useConsole();
  const list = useApi<{ items: Checkpoint[] }>('auditor', '/audit/checkpoints', { limit: 1000 }, { asOf: false, live: false });
  const [signing, setSigning] = useState<{ busy: boolean; error?: Error }>({ busy: false });
  const items = list.data?.items ?? [];
  const latest = items[items.length - 1];
  useEffect(() => onLatest(latest), [latest?.treeSize, latest?.rootHash]);
  const sign = async () => {
    setSigning({ busy: true });
    try {
      await request<Checkpoint>(keys.auditor ?? '', 'GET', '/audit/checkpoint');
      setSigning({ busy: false });
      list.reload();
    } catch (error) {
      setSigning({ busy: false, error: error as Error });
    }
  };
  return (
    <section aria-labelledby="transparency-heading">
      <h2 id="transparency-heading">{t('transparency')}</h2>
      <p className="muted">{t('transparencyHelp')}</p>
      <button type="button" onClick={sign} disabled={signing.busy}>
        {signing.busy ? t('signing') : t('signCheckpoint')}
      </button>
      {signing.error ? <ErrorNotice error={signing.error} /> : null}
      <Loadable loaded={list}>
        {() =>
          items.length === 0 ? (
            <p className="notice">{t('noCheckpoints')}</p>
          ) : (
            <table data-testid="checkpoints">
              <caption className="visually-hidden">{t('transparency')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('treeSize')}</th>
                  <th scope="col">{t('signedAt')}</th>
                  <th scope="col">{t('rootHash')}</th>
                  <th scope="col">{t('signedNote')}</th>
                </tr>
              </thead>
              <tbody>
                {items.slice(-5).reverse().map((c) => (
                  <tr key={c.treeSize}>
                    <td className="num">{c.treeSize}</td>
                    <td>{new Date(c.timestamp).toLocaleString(locale)}</td>
                    <td className="hash">
                      <code title={c.rootHash}>{c.rootHash.slice(0, 16)}…</code>
                    </td>
                    <td>
                      <details>
                        <summary>{t('signedNote')}</summary>
                        <pre dir="ltr">{c.note}</pre>
                      </details>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </Loadable>
      <div aria-live="polite" data-testid="inclusion-result">
        {result && 'error' in result ? <ErrorNotice error={result.error} /> : null}
        {result && 'ok' in result && result.ok ? <p className="notice ok">{t('inclusionOk', { position: result.position, leaf: result.leaf, size: result.size, root: result.root })}</p> : null}
        {result && 'ok' in result && !result.ok ? <p className="notice error">{t('inclusionBad', { position: result.position, size: result.size, reason: result.reason })}</p> : null}
      </div>
    </section>
  );
}

type Selection = { kind: 'log'; fromPosition: string } | { kind: 'stream'; streamId: string } | { kind: 'correlation'; correlationId: string };

function EventsTable({ events, select, check }: { events: AuditEvent[]; select: (s: Selection) => void; check?: { size: number; run: (e: AuditEvent) => void } }) {
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
            <th scope="col">{t('inclusion')}</th>
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
              <td>
                {check && Number(e.position) <= check.size ? (
                  <button type="button" className="link" aria-label={t('checkInclusionOf', { position: e.position, size: check.size })} onClick={() => check.run(e)}>
                    {t('checkInclusion')}
                  </button>
                ) : (
                  '—'
                )}
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
  const [checkpoint, setCheckpoint] = useState<Checkpoint>();
  const [inclusion, setInclusion] = useState<InclusionResult>();
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
      </section>
      <TransparencyPanel onLatest={setCheckpoint} result={inclusion} />
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
              <EventsTable
                events={data.items}
                select={setSelection}
                check={checkpoint && keys.auditor ? { size: checkpoint.treeSize, run: (e) => void checkInclusion(keys.auditor!, e, checkpoint, t).then(setInclusion) } : undefined}
              />
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
