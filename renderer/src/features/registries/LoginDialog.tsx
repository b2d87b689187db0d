import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { CredentialStorage } from '../../../../contract';
import { displayRegistry, normalizeRegistry, registryProblem } from '../../../../contract';
import { ApiError, call } from '../../api/client';
import { useShowError } from '../../components/Toasts';
import { Dialog } from '../../components/Dialog';
import { Field } from './Field';
import { destinationFor, destinationText } from './format';
import { registryKeys } from './queries';

interface Props {
  engineId: string;
  storage: CredentialStorage;
  /** Prefilled when another screen's pull or push answered AUTH_REQUIRED. */
  initialRegistry?: string;
  onDone(registry: string): void;
  onCancel(): void;
}

type Errors = Partial<Record<'registry' | 'username' | 'password' | 'plaintext', string>>;

/** "Log in to registry": the engine checks the credentials before anything is stored. */
export function LoginDialog({ engineId, storage, initialRegistry, onDone, onCancel }: Props) {
  const id = useId();
  const queryClient = useQueryClient();
  const showError = useShowError();
  const [registry, setRegistry] = useState(
    initialRegistry ? displayRegistry(normalizeRegistry(initialRegistry)) : '',
  );
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [allowPlaintext, setAllowPlaintext] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const destination = destinationFor(storage, registry);

  const login = useMutation({
    mutationFn: () =>
      call('registries.login', {
        engineId,
        registry,
        username,
        password,
        ...(destination.kind === 'plaintext-backend' ? { allowPlaintext } : {}),
      }),
    onSuccess: (r) => {
      // The secret leaves the component's state as soon as it is stored.
      setPassword('');
      void queryClient.invalidateQueries({ queryKey: registryKeys.all() });
      onDone(r.registry);
    },
    onError: (err) => {
      if (err instanceof ApiError && err.code === 'AUTH_REQUIRED') {
        setErrors({ password: `${err.message}. ${err.hint ?? ''}`.trim() });
      } else if (err instanceof ApiError && /keyring|basic_text/.test(err.message)) {
        setErrors({ plaintext: err.message });
      } else {
        showError(`Could not log in to ${displayRegistry(normalizeRegistry(registry))}`, err);
      }
    },
  });

  const submit = () => {
    const next: Errors = {};
    const problem = registryProblem(registry);
    if (problem) next.registry = problem;
    if (!username.trim()) next.username = 'Enter a username.';
    if (!password) next.password = 'Enter a password or access token.';
    if (destination.kind === 'plaintext-backend' && !allowPlaintext) {
      next.plaintext = 'Tick the box to store this login without a keyring, or cancel.';
    }
    setErrors(next);
    if (Object.keys(next).length === 0) login.mutate();
  };
  const edit = (key: keyof Errors) => errors[key] && setErrors({ ...errors, [key]: undefined });

  return (
    <Dialog className="registries-dialog" title="Log in to registry" onCancel={onCancel}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Field
          id={`${id}-registry`}
          label="Registry"
          type="text"
          className="mono"
          spellCheck={false}
          autoFocus={!initialRegistry}
          placeholder="docker.io"
          note="Leave empty for Docker Hub. host or host:port, e.g. registry.example.com:5000."
          value={registry}
          error={errors.registry}
          onChange={(e) => {
            setRegistry(e.target.value);
            edit('registry');
          }}
        />
        <Field
          id={`${id}-username`}
          label="Username"
          type="text"
          autoComplete="username"
          spellCheck={false}
          autoFocus={!!initialRegistry}
          value={username}
          error={errors.username}
          onChange={(e) => {
            setUsername(e.target.value);
            edit('username');
          }}
        />
        <Field
          id={`${id}-password`}
          label="Password or access token"
          type="password"
          autoComplete="current-password"
          value={password}
          error={errors.password}
          onChange={(e) => {
            setPassword(e.target.value);
            edit('password');
          }}
        />
        <p className="small registries-where">{destinationText(destination)}</p>
        {destination.kind === 'plaintext-backend' && (
          <div className="registries-field">
            <label className="check">
              <input
                type="checkbox"
                checked={allowPlaintext}
                aria-invalid={errors.plaintext ? true : undefined}
                aria-describedby={errors.plaintext ? `${id}-plaintext-error` : undefined}
                onChange={(e) => {
                  setAllowPlaintext(e.target.checked);
                  edit('plaintext');
                }}
              />
              Store without a keyring (anyone who can read my files can read this password)
            </label>
            {errors.plaintext && (
              <p id={`${id}-plaintext-error`} className="registries-error">
                {errors.plaintext}
              </p>
            )}
          </div>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" disabled={login.isPending}>
            {login.isPending ? 'Checking…' : 'Log in'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
