/**
 * A fieldset of checkboxes picking names (networks, secrets, configs of a new service): one
 * per item, named "LABEL NAME" where a bare name would be ambiguous across lists.
 */
export function NameChecklist({
  legend,
  empty,
  items,
  picked,
  onChange,
}: {
  legend: string;
  /** Said when there is nothing to pick. */
  empty: string;
  items: { key: string; name: string; label: string }[];
  picked: string[];
  onChange(picked: string[]): void;
}) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      {items.length === 0 && <p className="small">{empty}</p>}
      {items.map((item) => (
        <label key={item.key}>
          <input
            type="checkbox"
            checked={picked.includes(item.name)}
            onChange={(e) =>
              onChange(
                e.target.checked ? [...picked, item.name] : picked.filter((x) => x !== item.name),
              )
            }
          />{' '}
          {item.label}
        </label>
      ))}
    </fieldset>
  );
}
