import { useEngine } from '../engine/EngineContext';

interface Props {
  /** "new volumes and prunes": what the toolbar's buttons make or remove. */
  what: string;
  /** Their dialogs have an Engine field (EngineField): the default is only preselected. */
  pickable?: boolean;
}

/** In All engines, what the toolbar's create/prune buttons act on: the default engine. */
export function AllEnginesNote({ what, pickable = false }: Props) {
  const { all, current, scope } = useEngine();
  if (!all || scope.length < 2 || !current) return null;
  return (
    <p className="small all-engines-note">
      All engines: row actions go to each row’s engine;{' '}
      {pickable
        ? `${what} go to the engine picked in their dialog (${current.name}, the default, unless changed).`
        : `${what} go to ${current.name} (the default).`}
    </p>
  );
}
