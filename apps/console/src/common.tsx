import { ReactNode } from 'react';
import { ApiError } from './api';
import { useConsole } from './context';
import { WordKey } from './i18n';

export interface Community {
  id: string;
  name: string;
  nameHe?: string;
  kind: 'israeli' | 'global';
  regionalCouncil?: string;
  activePairingIds: string[];
}

export const PHASES = ['formation', 'immediate-relief', 'road-map', 'recovery', 'concluded'] as const;

/** An error as a person reads it: a 403 names the role needed, a 401 says to sign in again. */
export function ErrorNotice({ error }: { error: Error }) {
  const { t } = useConsole();
  let text = error.message;
  if (error instanceof ApiError) {
    if (error.status === 403) {
      const roles = error.requiredRoles.join(' / ');
      const role = (error.details as { role?: string } | undefined)?.role;
      text = role ? t('forbidden', { roles, role }) : t('needsRole', { roles });
    } else if (error.status === 401) text = t('unauthorized');
    else if (error.status === 0) text = t('network');
    else text = `${error.message} (${error.status} ${error.code})`;
  }
  return (
    <p className="notice error" role="alert">
      {text}
    </p>
  );
}

/** Loading, error, or the content; the page keeps its last content while it reloads. */
export function Loadable<T>({ loaded, children }: { loaded: { data?: T; error?: Error; loading: boolean }; children: (data: T) => ReactNode }) {
  const { t } = useConsole();
  if (loaded.error) return <ErrorNotice error={loaded.error} />;
  if (!loaded.data) return <p aria-busy="true">{t('loading')}</p>;
  return <>{children(loaded.data)}</>;
}

/** A community's English name and, beside it, its Hebrew name rendered right to left. */
export function CommunityName({ community, id }: { community?: Community; id: string }) {
  if (!community) return <span>{id}</span>;
  return (
    <span>
      <bdi>{community.name}</bdi>
      {community.nameHe ? (
        <>
          {' · '}
          <bdi lang="he" dir="rtl">
            {community.nameHe}
          </bdi>
        </>
      ) : null}
    </span>
  );
}

/** Where a pairing stands on formation → … → concluded: text first, the steps as decoration. */
export function PhaseSteps({ phase }: { phase: string }) {
  const { t } = useConsole();
  const index = PHASES.indexOf(phase as (typeof PHASES)[number]);
  return (
    <span className="phase">
      <span className="phase-steps" aria-hidden="true">
        {PHASES.map((p, i) => (
          <span key={p} className={i <= index ? 'step done' : 'step'} />
        ))}
      </span>
      <span>
        {index + 1}/5 {t(phase as WordKey)}
      </span>
    </span>
  );
}

export function PositionNote({ position }: { position: string }) {
  const { t } = useConsole();
  return <p className="position">{t('position', { position })}</p>;
}

export function byId<T extends { id: string }>(items: T[] | undefined): Map<string, T> {
  return new Map((items ?? []).map((item) => [item.id, item]));
}
