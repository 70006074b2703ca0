export function FilterBox(props: {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  found?: number;
}) {
  return (
    <div className="filter">
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="search"
        value={props.value}
        placeholder="Начните вводить…"
        onChange={(e) => props.onChange(e.target.value)}
      />
      {props.found !== undefined && props.value.trim() && <span className="muted">Найдено: {props.found}</span>}
    </div>
  );
}
