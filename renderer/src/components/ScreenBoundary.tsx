import { Component, type ReactNode } from 'react';

interface State {
  error?: Error;
}

/**
 * A screen that threw (its chunk could not be loaded, or a bug): says so in place of the
 * screen, with Reload, instead of a blank window. The rest of the app keeps working.
 */
export class ScreenBoundary extends Component<{ children: ReactNode }, State> {
  state: State = {};

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <main className="screen" aria-labelledby="screen-error-heading">
        <h1 id="screen-error-heading">This screen could not be shown</h1>
        <p role="alert">
          {error.message}. Reload the window to try again; if it keeps happening, restart Porthole.
        </p>
        <button type="button" className="primary" onClick={() => location.reload()}>
          Reload
        </button>
      </main>
    );
  }
}
