import { useMemo } from 'react';
import { parseRunQuery } from '../../../../contract/deep-link';
import { Dialog } from '../../components/Dialog';
import { useEngine } from '../../engine/EngineContext';
import { useHashQuery } from '../../useHashRoute';
import { ContainersScreen } from './ContainersScreen';
import { RunDialog } from './RunDialog';

const back = () => {
  location.hash = '#/containers';
};

/**
 * `#/run?image=REF[&port=…]` (and porthole://run?… in Electron, which main turns into this
 * route): the Containers screen with "Run a container" open and prefilled. The link is checked
 * first (contract/deep-link.ts); a bad one gets a message and sends nothing. Nothing is pulled
 * or created until the user presses Run.
 */
export function RunLinkScreen() {
  const query = useHashQuery();
  const parsed = useMemo(() => parseRunQuery(query), [query]);
  // As the toolbar's Run button: the form opens once the engine it goes to is known.
  const { current } = useEngine();
  return (
    <>
      <ContainersScreen params={[]} />
      {parsed.ok ? (
        current && (
          // A new link while the dialog is open (a second launch) starts a fresh form.
          <RunDialog
            key={query}
            initial={{ image: parsed.link.image, ports: parsed.link.ports }}
            onClose={back}
          />
        )
      ) : (
        <Dialog title="Cannot open this link" onCancel={back}>
          <p role="alert">{parsed.message}</p>
          <p className="small">Nothing was pulled, created or run.</p>
          <div className="dialog-actions">
            <button type="button" className="primary" onClick={back}>
              Close
            </button>
          </div>
        </Dialog>
      )}
    </>
  );
}
