import { Dialog } from '../../components/Dialog';
import { SCREENS } from '../../screens';
import { shortcutGroups } from './shortcuts';

/** "?": every shortcut, grouped; Escape or Close returns focus where it was. */
export function ShortcutsDialog({ onClose }: { onClose(): void }) {
  const groups = shortcutGroups(SCREENS.filter((s) => !s.hidden));
  return (
    <Dialog title="Keyboard shortcuts" onCancel={onClose} className="shortcuts">
      <div className="shortcut-groups">
        {groups.map((g) => (
          <table key={g.title} className="shortcut-table" aria-label={g.title}>
            <caption>{g.title}</caption>
            <tbody>
              {g.keys.map((k) => (
                <tr key={k.keys + k.what}>
                  <th scope="row">
                    <kbd>{k.keys}</kbd>
                  </th>
                  <td>{k.what}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      </div>
      <p className="small">Shortcuts do nothing while you type in a field.</p>
      <div className="dialog-actions">
        <button type="button" autoFocus onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
