// A column of the file for one coordinate (X north, Y east).
export function ColumnSelect(p: { label: string; none: string; columns: string[]; value: string; onChange: (v: string) => void; testId: string }) {
  return (
    <label>
      {p.label}
      <select value={p.value} onChange={(e) => p.onChange(e.target.value)} data-testid={p.testId}>
        <option value="">{p.none}</option>
        {p.columns.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </select>
    </label>
  );
}
