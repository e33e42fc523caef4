// The opacity control of one layer row (project layers and base maps alike): a 0–100 % slider in
// steps of 5, and the value beside it.
export function OpacitySlider({ value, onChange, label, name, testId }: { value: number; onChange: (opacity: number) => void; label: string; name: string; testId: string }) {
  const pct = Math.round(value * 100);
  return (
    <>
      <input
        type="range"
        min={0}
        max={100}
        step={5}
        value={pct}
        onChange={(e) => onChange(Number(e.target.value) / 100)}
        title={`${label}: ${pct}%`}
        aria-label={`${label}: ${name}`}
        data-testid={testId}
      />
      <span className="layer-opacity-value">{pct}%</span>
    </>
  );
}
