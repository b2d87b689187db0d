import { useState } from 'react';
import type { CredentialStorage, RegistryLogin } from '../../../../contract';
import { displayRegistry } from '../../../../contract';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { sourceLabel } from './format';

interface Props {
  login: RegistryLogin;
  storage: CredentialStorage;
  onConfirm(removeConfigEntry: boolean): void;
  onCancel(): void;
}

/** Confirms a logout and names every place the login is deleted from. */
export function LogoutDialog({ login, storage, onConfirm, onCancel }: Props) {
  const name = displayRegistry(login.registry);
  const inConfig = login.sources.includes('config');
  const others = login.sources.filter((s) => s !== 'config');
  // Only the CLI's own entry left: removing it is the whole point, so it starts ticked.
  const [removeConfig, setRemoveConfig] = useState(others.length === 0);
  const nothing = others.length === 0 && !removeConfig;
  return (
    <ConfirmDialog
      className="registries-dialog"
      verb="Log out"
      headingVerb="Log out of"
      name={name}
      onCancel={onCancel}
      onConfirm={() => onConfirm(removeConfig)}
      disabled={nothing}
    >
      <p>
        Logged in as <strong>{login.username}</strong>.
        {others.length > 0 &&
          ` The login is deleted from ${others.map((x) => sourceLabel(x, login)).join(' and ')}.`}
      </p>
      {inConfig && (
        <label className="check">
          <input
            type="checkbox"
            checked={removeConfig}
            onChange={(e) => setRemoveConfig(e.target.checked)}
          />
          Also remove the login the docker CLI wrote to {storage.configPath} (the CLI is logged out
          too)
        </label>
      )}
      <p>
        Pulls and pushes to {name} then go without these credentials; private images need a new
        login.
      </p>
    </ConfirmDialog>
  );
}
