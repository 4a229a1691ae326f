import { byId, Community, CommunityName, Loadable, PhaseSteps, PositionNote } from '../common';
import { useAllPages, useApi, useConsole } from '../context';
import { WordKey } from '../i18n';

interface CoverageReport {
  asOfDate: string;
  leftBehind: {
    communityId: string;
    name: string;
    regionalCouncil?: string;
    pairingId?: string;
    phase?: string;
    phaseSince?: string;
    unfundedUrgentNeedIds?: string[];
    reasons: string[];
  }[];
  covered: unknown[];
  position: string;
}

/** View 2: "no community left behind" — who needs action, why, and a link to the pairing. */
export function CoverageView() {
  const { t, locale } = useConsole();
  const report = useApi<CoverageReport>('analyst', '/reports/coverage');
  const communities = useAllPages<Community>('analyst', '/communities', { kind: 'israeli' });
  return (
    <Loadable loaded={report}>
      {(data) => {
        const names = byId(communities.data?.items);
        return (
          <>
            <PositionNote position={data.position} />
            <p>{t('covered', { count: data.covered.length })}</p>
            <h2>{t('leftBehind')} ({data.leftBehind.length})</h2>
            {data.leftBehind.length === 0 ? (
              <p className="notice">{t('empty')}</p>
            ) : (
              <ul className="cards">
                {data.leftBehind.map((c) => (
                  <li key={c.communityId} className="card">
                    <h3>
                      <CommunityName id={c.communityId} community={names.get(c.communityId) ?? { id: c.communityId, name: c.name, kind: 'israeli', activePairingIds: [] }} />
                    </h3>
                    <p>
                      {t('regionalCouncil')}: {c.regionalCouncil ?? '—'}
                    </p>
                    <p>
                      {t('reasons')}:{' '}
                      {c.reasons.map((reason) => (
                        <span key={reason} className="badge warn">
                          {t(reason as WordKey)}
                        </span>
                      ))}
                    </p>
                    {c.phase ? (
                      <p>
                        <PhaseSteps phase={c.phase} /> {c.phaseSince ? t('since', { date: new Date(c.phaseSince).toLocaleDateString(locale) }) : null}
                      </p>
                    ) : null}
                    {c.unfundedUrgentNeedIds && c.unfundedUrgentNeedIds.length > 0 ? (
                      <p>
                        {t('urgentNeeds')}: {c.unfundedUrgentNeedIds.join(', ')}
                      </p>
                    ) : null}
                    {c.pairingId ? <a href={`#/overview/${encodeURIComponent(c.pairingId)}`}>{t('openPairing', { id: c.pairingId })}</a> : null}
                  </li>
                ))}
              </ul>
            )}
          </>
        );
      }}
    </Loadable>
  );
}
