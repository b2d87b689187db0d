import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { RegistryLogin } from '../../../../contract';
import { displayRegistry } from '../../../../contract';
import { call } from '../../api/client';
import { useShowError } from '../../components/Toasts';
import { useEngine } from '../../engine/EngineContext';
import { sourceLabel } from './format';
import { LoginDialog } from './LoginDialog';
import { LogoutDialog } from './LogoutDialog';
import { registryKeys, registryQueries } from './queries';
import './registries.css';

/**
 * Registry logins from the app's store, credential helpers and the docker CLI's config.json.
 * `#/registries/login/HOST` opens "Log in" prefilled (a pull or push that needed a login links
 * here).
 */
export function RegistriesScreen({ params }: { params: string[] }) {
  const { engineId, currentStatus } = useEngine();
  const queryClient = useQueryClient();
  const showError = useShowError();
  const list = useQuery(registryQueries.list());
  const linked = params[0] === 'login' ? decodeURIComponent(params[1] ?? '') : undefined;
  const [loginFor, setLoginFor] = useState<{ registry?: string } | undefined>(
    linked !== undefined ? (linked ? { registry: linked } : {}) : undefined,
  );
  // A "Log in" link followed while this screen is already open (the route does not remount it).
  useEffect(() => {
    const onHash = () => {
      const m = /^#\/registries\/login(?:\/([^/]*))?$/.exec(location.hash);
      if (m) setLoginFor(m[1] ? { registry: decodeURIComponent(m[1]) } : {});
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const [loggingOut, setLoggingOut] = useState<RegistryLogin | undefined>();
  const logout = useMutation({
    mutationFn: (v: { login: RegistryLogin; removeConfigEntry: boolean }) =>
      call('registries.logout', {
        registry: v.login.registry,
        removeConfigEntry: v.removeConfigEntry,
      }),
    onError: (err, v) =>
      showError(`Could not log out of ${displayRegistry(v.login.registry)}`, err),
    onSettled: () => queryClient.invalidateQueries({ queryKey: registryKeys.all() }),
  });
  const closeLogin = () => {
    setLoginFor(undefined);
    if (location.hash.startsWith('#/registries/login')) {
      history.replaceState(null, '', '#/registries');
    }
  };
  const canLogIn = !!engineId && currentStatus?.state === 'connected';
  const storage = list.data?.storage;

  return (
    <main className="screen" aria-labelledby="registries-heading">
      <header className="screen-header">
        <h1 id="registries-heading">Registries</h1>
        <div className="toolbar">
          <button type="button" disabled={!canLogIn || !storage} onClick={() => setLoginFor({})}>
            Log in
          </button>
        </div>
      </header>
      {!canLogIn && (
        <p className="small registries-note">
          Logging in needs a connected engine: it checks the credentials with the registry.
        </p>
      )}
      {storage && (
        <p className="small registries-note">
          Also reading the docker CLI&apos;s logins from{' '}
          <span className="mono">{storage.configPath}</span>
          {storage.credsStore ? ` and docker-credential-${storage.credsStore}` : ''}.
        </p>
      )}
      {storage?.appStore === 'memory' && !storage.credsStore && (
        <p className="registries-note registries-warning">
          Logins made here are kept in memory for this run only: web mode has no encrypted store.
          Configure a docker credential helper (&quot;credsStore&quot; in config.json) to keep them.
        </p>
      )}
      {storage?.problems.map((p) => (
        <p key={p} role="alert" className="registries-error registries-note">
          {p}
        </p>
      ))}
      {list.error ? (
        <p role="alert">Could not read registry logins: {list.error.message}</p>
      ) : !list.data ? (
        <p className="empty" aria-live="polite">
          Loading registry logins…
        </p>
      ) : (
        <table aria-label="Registry logins" className="resource-table registries-table">
          <thead>
            <tr>
              <th scope="col">Registry</th>
              <th scope="col">Username</th>
              <th scope="col">Stored in</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.data.logins.map((l) => (
              <LoginRow
                key={l.registry}
                login={l}
                busy={logout.isPending && logout.variables?.login.registry === l.registry}
                onLogout={() => setLoggingOut(l)}
              />
            ))}
          </tbody>
        </table>
      )}
      {list.data?.logins.length === 0 && (
        <p className="empty">Not logged in to any registry. Pulls and pushes go anonymously.</p>
      )}
      {loginFor && storage && engineId && (
        <LoginDialog
          engineId={engineId}
          storage={storage}
          {...(loginFor.registry ? { initialRegistry: loginFor.registry } : {})}
          onCancel={closeLogin}
          onDone={closeLogin}
        />
      )}
      {loggingOut && storage && (
        <LogoutDialog
          login={loggingOut}
          storage={storage}
          onCancel={() => setLoggingOut(undefined)}
          onConfirm={(removeConfigEntry) => {
            logout.mutate({ login: loggingOut, removeConfigEntry });
            setLoggingOut(undefined);
          }}
        />
      )}
    </main>
  );
}

function LoginRow({
  login,
  busy,
  onLogout,
}: {
  login: RegistryLogin;
  busy: boolean;
  onLogout(): void;
}) {
  const name = displayRegistry(login.registry);
  return (
    <tr>
      <th scope="row" className="name mono">
        {name}
      </th>
      <td>{login.username}</td>
      <td>
        <span className="registries-sources">
          {login.sources.map((s, i) => (
            <span
              key={s}
              className={`registries-source${i === 0 ? ' registries-source--used' : ''}`}
              title={i === 0 ? 'Used for pulls and pushes' : 'Also stored here'}
            >
              {sourceLabel(s, login)}
            </span>
          ))}
        </span>
      </td>
      <td className="actions">
        <button type="button" disabled={busy} onClick={onLogout} aria-label={`Log out ${name}`}>
          Log out
        </button>
      </td>
    </tr>
  );
}
