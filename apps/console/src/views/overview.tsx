import { useState } from 'react';
import { byId, Community, CommunityName, Loadable, PHASES, PhaseSteps, PositionNote } from '../common';
import { useAllPages, useConsole } from '../context';
import { WordKey } from '../i18n';

export interface PairingItem {
  id: string;
  israeliCommunityId: string;
  globalCommunityId: string;
  phase: string;
  team: { complete: boolean; bySide: { israeli: number; global: number; agency: number } };
  openNeeds: number;
}

interface FlagItem {
  id: string;
  communityId: string;
}

/** View 1: every pairing with its communities, phase, team, open needs and open flags. */
export function OverviewView({ focus }: { focus?: string }) {
  const { t } = useConsole();
  const pairings = useAllPages<PairingItem>('analyst', '/pairings');
  const communities = useAllPages<Community>('analyst', '/communities');
  const flags = useAllPages<FlagItem>('analyst', '/duplicate-flags', { status: 'open' });
  const [search, setSearch] = useState(focus ?? '');
  const [phase, setPhase] = useState('');
  return (
    <Loadable loaded={pairings}>
      {({ items, position }) => {
        const names = byId(communities.data?.items);
        const flagsByCommunity = new Map<string, number>();
        for (const flag of flags.data?.items ?? []) flagsByCommunity.set(flag.communityId, (flagsByCommunity.get(flag.communityId) ?? 0) + 1);
        const needle = search.trim().toLowerCase();
        const matches = (p: PairingItem) =>
          (!phase || p.phase === phase) &&
          (!needle ||
            [p.id, p.israeliCommunityId, p.globalCommunityId, names.get(p.israeliCommunityId)?.name, names.get(p.israeliCommunityId)?.nameHe, names.get(p.globalCommunityId)?.name]
              .filter(Boolean)
              .some((text) => (text as string).toLowerCase().includes(needle)));
        const shown = items.filter(matches);
        return (
          <>
            <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
              <label>
                {t('search')}
                <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
              </label>
              <label>
                {t('phase')}
                <select value={phase} onChange={(e) => setPhase(e.target.value)}>
                  <option value="">{t('anyPhase')}</option>
                  {PHASES.map((p) => (
                    <option key={p} value={p}>
                      {t(p as WordKey)}
                    </option>
                  ))}
                </select>
              </label>
            </form>
            <PositionNote position={position} />
            <p aria-live="polite" data-testid="pairing-count">
              {t('pairingsShown', { shown: shown.length, total: items.length })}
            </p>
            {shown.length === 0 ? (
              <p className="notice">{t('empty')}</p>
            ) : (
              <div className="table-wrap">
                <table>
                  <caption className="visually-hidden">{t('overview')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('pairing')}</th>
                      <th scope="col">{t('israeliCommunity')}</th>
                      <th scope="col">{t('globalCommunity')}</th>
                      <th scope="col">{t('phase')}</th>
                      <th scope="col">{t('team')}</th>
                      <th scope="col">{t('openNeeds')}</th>
                      <th scope="col">{t('openFlags')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {shown.map((p) => (
                      <tr key={p.id} id={`pairing-${p.id}`}>
                        <th scope="row">
                          <bdi>{p.id}</bdi>
                        </th>
                        <td>
                          <CommunityName id={p.israeliCommunityId} community={names.get(p.israeliCommunityId)} />
                        </td>
                        <td>
                          <CommunityName id={p.globalCommunityId} community={names.get(p.globalCommunityId)} />
                        </td>
                        <td>
                          <PhaseSteps phase={p.phase} />
                        </td>
                        <td>
                          {p.team.bySide.israeli}/2 · {p.team.bySide.global}/2 · {p.team.bySide.agency}/2{' '}
                          <span className={p.team.complete ? 'badge ok' : 'badge warn'}>{t(p.team.complete ? 'complete' : 'incomplete')}</span>
                        </td>
                        <td>{p.openNeeds}</td>
                        <td>{flagsByCommunity.get(p.israeliCommunityId) ?? 0}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </>
        );
      }}
    </Loadable>
  );
}
