import { useState } from 'react';
import { byId, Community, CommunityName, Loadable, PositionNote } from '../common';
import { useAllPages, useConsole } from '../context';
import { WordKey } from '../i18n';
import { formatMoneyList, formatMoney, Money, sumByCurrency } from '../money';

export interface NeedItem {
  id: string;
  pairingId: string;
  communityId: string;
  title: string;
  description: string;
  sector: string;
  horizon: 'immediate' | 'short-term' | 'long-term';
  status: string;
  estimatedCost: Money;
  funding: { pledged: Money; disbursed: Money }[];
}

export interface PlanItem {
  id: string;
  source: string;
  authority: string;
  title: string;
  description: string;
  sector: string;
  communityIds?: string[];
  regionalCouncil?: string;
  status: string;
}

/** Plans that cover the need's community (directly or through its regional council) in its sector. */
export function plansFor(need: NeedItem, plans: PlanItem[], community?: Community): PlanItem[] {
  return plans.filter(
    (plan) =>
      plan.status === 'active' &&
      plan.sector === need.sector &&
      ((plan.communityIds ?? []).includes(need.communityId) || (!!plan.regionalCouncil && plan.regionalCouncil === community?.regionalCouncil)),
  );
}

const HORIZONS = ['immediate', 'short-term', 'long-term'] as const;

/** View 4: needs by horizon and status, with their funding and the plans that cover them. */
export function NeedsView() {
  const { t, locale } = useConsole();
  const [status, setStatus] = useState('open');
  const needs = useAllPages<NeedItem>('analyst', '/needs', { status: status || undefined });
  const plans = useAllPages<PlanItem>('analyst', '/plans');
  const communities = useAllPages<Community>('analyst', '/communities', { kind: 'israeli' });
  return (
    <>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('status')}
          <select value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">{t('anyStatus')}</option>
            {['open', 'fulfilled', 'cancelled'].map((s) => (
              <option key={s} value={s}>
                {t(s as WordKey)}
              </option>
            ))}
          </select>
        </label>
      </form>
      <Loadable loaded={needs}>
        {({ items, position }) => {
          const names = byId(communities.data?.items);
          return (
            <>
              <PositionNote position={position} />
              <div className="board">
                {HORIZONS.map((horizon) => {
                  const column = items.filter((n) => n.horizon === horizon);
                  return (
                    <section key={horizon} className="column" aria-labelledby={`horizon-${horizon}`}>
                      <h2 id={`horizon-${horizon}`}>
                        {t(horizon)} ({column.length})
                      </h2>
                      {column.length === 0 ? <p className="notice">{t('empty')}</p> : null}
                      <ul className="cards">
                        {column.map((need) => {
                          const covering = plansFor(need, plans.data?.items ?? [], names.get(need.communityId));
                          return (
                            <li key={need.id} className="card">
                              <h3>
                                <bdi>{need.title}</bdi>
                              </h3>
                              <p>
                                <CommunityName id={need.communityId} community={names.get(need.communityId)} /> · {need.sector} · <span className="badge">{t(need.status as WordKey)}</span>
                              </p>
                              <dl>
                                <dt>{t('estimatedCost')}</dt>
                                <dd>{formatMoney(need.estimatedCost, locale)}</dd>
                                <dt>{t('pledged')}</dt>
                                <dd>{formatMoneyList(sumByCurrency(need.funding.map((f) => f.pledged)), locale)}</dd>
                                <dt>{t('disbursed')}</dt>
                                <dd>{formatMoneyList(sumByCurrency(need.funding.map((f) => f.disbursed)), locale)}</dd>
                                <dt>{t('plansFor')}</dt>
                                <dd>{covering.length === 0 ? t('noPlans') : covering.map((p) => <bdi key={p.id}>{`${p.title} (${p.authority}) `}</bdi>)}</dd>
                              </dl>
                            </li>
                          );
                        })}
                      </ul>
                    </section>
                  );
                })}
              </div>
            </>
          );
        }}
      </Loadable>
    </>
  );
}
