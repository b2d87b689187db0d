import type Docker from 'dockerode';
import type { AppStore } from '../credentials/app-store';
import type { AuthResolver } from '../credentials/resolve';
import type { EngineManager } from '../engine/manager';
import type { Logger } from '../log';
import type { HelperChoices } from '../engine/volumes-files';
import type { SettingsStore } from '../settings/store';
import type { Router } from '../router';
import type { ChooseSavePath } from '../transport/save-to-file';
import type { DownloadTickets } from '../transport/tickets';

/** What every resource's handlers get, built once by createCore. */
export interface HandlerContext {
  engines: EngineManager;
  /**
   * The engine's client, bound to the signal of the call or stream asking (request-scope.ts):
   * a cancelled call or a closed window aborts every engine request made through it.
   */
  docker(engineId: string): Docker;
  /** Porthole's own registry-login store (safeStorage or memory). */
  store: AppStore;
  /** Registry credentials for an image reference (store, helper, config.json). */
  authFor: AuthResolver;
  log: Logger;
  /** The volume browser's helper image, chosen by the user, per engine id (in memory). */
  volumeHelpers: HelperChoices;
  /** Porthole's data folder (compose files pasted into the app live under it). */
  dataDir: string;
  /** Porthole's preferences (settings.json), one store per core. */
  settings: SettingsStore;
  /** Single-use tickets for web mode's navigation downloads. */
  tickets: DownloadTickets;
  /** The router these handlers are served by, for a stream that opens another (built after them). */
  router(): Router;
  /** The desktop's save dialog; absent in web mode, whose browser saves downloads itself. */
  chooseSavePath?: ChooseSavePath | undefined;
}
