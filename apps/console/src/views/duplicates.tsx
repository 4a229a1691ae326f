import { FormEvent, useState } from 'react';
import { ApiError, request } from '../api';
import { byId, ErrorNotice, Loadable, PositionNote } from '../common';
import { useAllPages, useConsole } from '../context';
import { WordKey } from '../i18n';
import { NeedItem, PlanItem } from './needs';

interface Flag {
  id: string;
  kind: 'need-plan' | 'need-need' | 'over-funding';
  status: string;
  score: number;
  reasons: string[];
  needId: string;
  planId?: string;
  otherNeedId?: string;
  communityId: string;
  sector: string;
  resolution?: { decision: string; note: string; reviewer: string };
}

const DECISIONS = ['duplicate', 'not-duplicate', 'complementary'] as const;

function Side({ heading, title, text }: { heading: string; title?: string; text?: string }) {
  return (
    <div className="side">
      <h4>{heading}</h4>
      <p>
        <strong>
          <bdi>{title ?? '—'}</bdi>
        </strong>
      </p>
      {text ? (
        <p>
          <bdi>{text}</bdi>
        </p>
      ) : null}
    </div>
  );
}

function ResolveForm({ flag, onResolved }: { flag: Flag; onResolved: (position: string) => void }) {
  const { t, keys } = useConsole();
  const [decision, setDecision] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();
  if (!keys.service) return <p className="notice">{t('resolveNeedsService')}</p>;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const answer = await request<{ position: number }>(keys.service!, 'POST', `/duplicate-flags/${encodeURIComponent(flag.id)}/resolution`, { decision, note });
      onResolved(String(answer.position));
    } catch (caught) {
      setError(caught as ApiError);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="resolve" onSubmit={submit} aria-label={`${t('resolve')} ${flag.id}`}>
      <fieldset>
        <legend>{t('decision')}</legend>
        {DECISIONS.map((d) => (
          <label key={d} className="inline">
            <input type="radio" name={`decision-${flag.id}`} value={d} checked={decision === d} onChange={() => setDecision(d)} required />
            {t(d)}
          </label>
        ))}
      </fieldset>
      <label>
        {t('note')}
        <textarea value={note} onChange={(e) => setNote(e.target.value)} required rows={2} />
      </label>
      <button type="submit" disabled={busy}>
        {busy ? t('resolving') : t('resolve')}
      </button>
      {error ? <ErrorNotice error={error} /> : null}
    </form>
  );
}

/** View 5: open flags side by side with score and reasons, resolved with a decision and a note. */
export function DuplicatesView() {
  const { t } = useConsole();
  const [written, setWritten] = useState<string>();
  const minPosition = written ? { minPosition: written } : {};
  const open = useAllPages<Flag>('analyst', '/duplicate-flags', { status: 'open', ...minPosition }, { asOf: false });
  const resolved = useAllPages<Flag>('analyst', '/duplicate-flags', { status: 'resolved', ...minPosition }, { asOf: false });
  const needs = useAllPages<NeedItem>('analyst', '/needs', {}, { asOf: false });
  const plans = useAllPages<PlanItem>('analyst', '/plans', {}, { asOf: false });
  const needById = byId(needs.data?.items);
  const planById = byId(plans.data?.items);
  return (
    <>
      <section aria-labelledby="open-flags">
        <h2 id="open-flags">{t('openFlagsTitle')}</h2>
        <Loadable loaded={open}>
          {({ items, position }) => (
            <>
              <PositionNote position={position} />
              {items.length === 0 ? <p className="notice">{t('noOpenFlags')}</p> : null}
              <ul className="cards flags" data-testid="open-flags">
                {items.map((flag) => {
                  const need = needById.get(flag.needId);
                  const other = flag.planId ? planById.get(flag.planId) : flag.otherNeedId ? needById.get(flag.otherNeedId) : undefined;
                  return (
                    <li key={flag.id} className="card flag" data-flag-id={flag.id}>
                      <h3>
                        {flag.kind === 'over-funding' ? t('overFunding') : `${t('need')} ↔ ${t(flag.kind === 'need-plan' ? 'plan' : 'otherNeed')}`} · {t('score')} {flag.score}
                      </h3>
                      <div className="sides">
                        <Side heading={`${t('need')} ${flag.needId}`} title={need?.title} text={need?.description} />
                        {flag.kind !== 'over-funding' ? (
                          <Side heading={`${t(flag.planId ? 'plan' : 'otherNeed')} ${flag.planId ?? flag.otherNeedId}`} title={other?.title} text={other?.description} />
                        ) : null}
                      </div>
                      <h4>{t('reasons')}</h4>
                      <ul>
                        {flag.reasons.map((reason) => (
                          <li key={reason}>
                            <bdi>{reason}</bdi>
                          </li>
                        ))}
                      </ul>
                      <ResolveForm flag={flag} onResolved={setWritten} />
                    </li>
                  );
                })}
              </ul>
            </>
          )}
        </Loadable>
      </section>
      <section aria-labelledby="resolved-flags">
        <h2 id="resolved-flags">{t('resolvedFlagsTitle')}</h2>
        <Loadable loaded={resolved}>
          {({ items }) =>
            items.length === 0 ? (
              <p className="notice">{t('empty')}</p>
            ) : (
              <ul className="cards" data-testid="resolved-flags">
                {items.map((flag) => (
                  <li key={flag.id} className="card" data-flag-id={flag.id}>
                    <p>
                      <strong>{flag.kind}</strong> · {flag.needId} ↔ {flag.planId ?? flag.otherNeedId ?? '—'} · {t('score')} {flag.score}
                    </p>
                    {flag.resolution ? (
                      <p>
                        {t('resolvedBy', { decision: t(flag.resolution.decision as WordKey), reviewer: flag.resolution.reviewer, note: flag.resolution.note })}
                      </p>
                    ) : null}
                  </li>
                ))}
              </ul>
            )
          }
        </Loadable>
      </section>
    </>
  );
}
