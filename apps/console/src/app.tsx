import { FormEvent, useEffect, useRef, useState } from 'react';
import { ApiError, loadKeys, Role, roleOf, saveKeys } from './api';
import { ErrorNotice } from './common';
import { ConsoleContext, ConsoleState } from './context';
import { Lang, translate, WordKey } from './i18n';
import { useLive } from './live';
import { AuditView } from './views/audit';
import { CoverageView } from './views/coverage';
import { DuplicatesView } from './views/duplicates';
import { FundingView } from './views/funding';
import { NeedsView } from './views/needs';
import { OverviewView } from './views/overview';

type ViewId = 'overview' | 'coverage' | 'funding' | 'needs' | 'duplicates' | 'audit';
const VIEWS: { id: ViewId; role: Role; asOf: boolean }[] = [
  { id: 'overview', role: 'analyst', asOf: true },
  { id: 'coverage', role: 'analyst', asOf: true },
  { id: 'funding', role: 'analyst', asOf: true },
  { id: 'needs', role: 'analyst', asOf: true },
  { id: 'duplicates', role: 'analyst', asOf: false },
  { id: 'audit', role: 'auditor', asOf: false },
];

/** #/view/argument — the route lives in the fragment, so the server serves one page. */
function parseHash(hash: string): { view?: ViewId; argument?: string } {
  const [view, argument] = hash.replace(/^#\/?/, '').split('/');
  return { view: VIEWS.some((v) => v.id === view) ? (view as ViewId) : undefined, argument: argument ? decodeURIComponent(argument) : undefined };
}

const AS_OF = /^(\d{1,15}|\d{4}-\d{2}-\d{2})$/;

function KeyForm({ lang, onKey }: { lang: Lang; onKey: (key: string, role: Role) => void }) {
  const t = (key: WordKey, values?: Record<string, string | number>) => translate(lang, key, values);
  const [key, setKey] = useState('');
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      onKey(key.trim(), await roleOf(key.trim()));
      setKey('');
    } catch (caught) {
      setError(caught as ApiError);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="key-form" onSubmit={submit}>
      <label htmlFor="api-key">{t('apiKey')}</label>
      <input id="api-key" type="password" autoComplete="off" value={key} onChange={(e) => setKey(e.target.value)} aria-describedby="api-key-help" required dir="ltr" />
      <button type="submit" disabled={busy}>
        {t('addKey')}
      </button>
      <p id="api-key-help" className="muted">
        {t('apiKeyHelp')}
      </p>
      {error ? (
        <ConsoleContext.Provider value={{ lang, keys: {} }}>
          <ErrorNotice error={error} />
        </ConsoleContext.Provider>
      ) : null}
    </form>
  );
}

export function App() {
  const [lang, setLang] = useState<Lang>(() => (localStorage.getItem('c2g-console-lang') === 'he' ? 'he' : 'en'));
  const [keys, setKeys] = useState(loadKeys);
  const [route, setRoute] = useState(() => parseHash(location.hash));
  const [asOfInput, setAsOfInput] = useState('');
  const [asOf, setAsOf] = useState<string>();
  const [asOfError, setAsOfError] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const t = (key: WordKey, values?: Record<string, string | number>) => translate(lang, key, values);
  const live = useLive(keys.analyst, !asOf);

  useEffect(() => {
    const onHash = () => setRoute(parseHash(location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
    document.documentElement.dir = lang === 'he' ? 'rtl' : 'ltr';
    document.title = t('appTitle');
    localStorage.setItem('c2g-console-lang', lang);
  }, [lang]);

  const available = VIEWS.filter((v) => keys[v.role]);
  const current = VIEWS.find((v) => v.id === route.view) ?? available[0] ?? VIEWS[0];
  useEffect(() => {
    heading.current?.focus();
  }, [current.id]);

  const addKey = (key: string, role: Role) => {
    const next = { ...keys, [role]: key };
    saveKeys(next);
    setKeys(next);
  };
  const signOut = () => {
    saveKeys({});
    setKeys({});
  };
  const applyAsOf = (event: FormEvent) => {
    event.preventDefault();
    const value = asOfInput.trim();
    if (!AS_OF.test(value)) {
      setAsOfError(true);
      return;
    }
    setAsOfError(false);
    setAsOf(value);
  };
  const state: ConsoleState = { lang, keys, asOf: current.asOf ? asOf : undefined, livePosition: live.state === 'on' ? live.position : undefined };
  const roles = Object.keys(keys) as Role[];
  const liveText =
    asOf ? t('livePaused') : live.state === 'on' ? (live.position ? t('liveOn', { position: live.position }) : t('liveConnected')) : live.state === 'connecting' ? t('liveConnecting') : t('liveOff', { reason: live.reason });

  return (
    <ConsoleContext.Provider value={state}>
      <a className="skip" href="#main">
        {t('skip')}
      </a>
      <header>
        <p className="brand">{t('appTitle')}</p>
        <label className="lang">
          {t('language')}
          <select value={lang} onChange={(e) => setLang(e.target.value as Lang)}>
            <option value="en" lang="en">
              English
            </option>
            <option value="he" lang="he">
              עברית
            </option>
          </select>
        </label>
        {roles.length > 0 ? (
          <div className="keys">
            <span>
              {t('keysHeld')}: <strong data-testid="roles">{roles.join(', ')}</strong>
            </span>
            <button type="button" onClick={signOut}>
              {t('signOut')}
            </button>
          </div>
        ) : null}
      </header>
      <KeyForm lang={lang} onKey={addKey} />
      {roles.length > 0 && available.length === 0 ? <p className="notice">{t('noPage', { role: roles.join(', ') })}</p> : null}
      {roles.length > 0 ? (
        <>
          <nav aria-label={t('views')}>
            <ul>
              {available.map((v) => (
                <li key={v.id}>
                  <a href={`#/${v.id}`} aria-current={v.id === current.id ? 'page' : undefined}>
                    {t(v.id)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <div className="toolbar">
            {current.asOf ? (
            <form className="as-of" onSubmit={applyAsOf}>
              <label htmlFor="as-of">{t('asOf')}</label>
              <input id="as-of" value={asOfInput} onChange={(e) => setAsOfInput(e.target.value)} aria-invalid={asOfError} aria-describedby={asOfError ? 'as-of-error' : undefined} dir="ltr" />
              <button type="submit">{t('asOfApply')}</button>
              {asOf ? (
                <button
                  type="button"
                  onClick={() => {
                    setAsOf(undefined);
                    setAsOfInput('');
                    setAsOfError(false);
                  }}
                >
                  {t('asOfClear')}
                </button>
              ) : null}
              {asOfError ? (
                <p id="as-of-error" className="notice error" role="alert">
                  {t('asOfInvalid')}
                </p>
              ) : null}
            </form>
            ) : null}
            {keys.analyst ? (
              <p className="live" role="status" data-testid="live">
                {liveText}
              </p>
            ) : null}
          </div>
          <main id="main">
            <h1 ref={heading} tabIndex={-1}>
              {t(current.id)}
            </h1>
            {asOf && current.asOf ? (
              <p className="notice" data-testid="as-of-banner">
                {t('asOfBanner', { asOf })}
              </p>
            ) : null}
            {!keys[current.role] ? (
              <ErrorNotice error={new ApiError(403, 'role-forbidden', 'no key', { requiredRoles: [current.role] })} />
            ) : current.id === 'overview' ? (
              <OverviewView key={route.argument ?? ''} focus={route.argument} />
            ) : current.id === 'coverage' ? (
              <CoverageView />
            ) : current.id === 'funding' ? (
              <FundingView />
            ) : current.id === 'needs' ? (
              <NeedsView />
            ) : current.id === 'duplicates' ? (
              <DuplicatesView />
            ) : (
              <AuditView />
            )}
          </main>
        </>
      ) : null}
    </ConsoleContext.Provider>
  );
}
