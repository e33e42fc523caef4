// The first rows of the file as read: row number, the X/Y columns when the file has them, eight fields.
import { useExchangeT } from '../dict';
import type { PreviewLayer } from './import-options';

export function SampleTable({ current }: { current: PreviewLayer }) {
  const x = useExchangeT();
  const fields = current.fields.slice(0, 8);
  return (
    <div className="xc-table-wrap">
      <table className="xc-table" data-testid="exchange-sample">
        <thead>
          <tr>
            <th>{x('row')}</th>
            {current.coordinates && (
              <>
                <th className="xc-coord">X · {current.coordinates.north}</th>
                <th className="xc-coord">Y · {current.coordinates.east}</th>
              </>
            )}
            {fields.map((f) => (
              <th key={f}>{f}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {current.sample.slice(0, 8).map((r) => (
            <tr key={r.row}>
              <td>{r.row}</td>
              {current.coordinates && (
                <>
                  <td className="xc-coord">{r.position ? String(r.position[1]) : ''}</td>
                  <td className="xc-coord">{r.position ? String(r.position[0]) : ''}</td>
                </>
              )}
              {fields.map((f) => (
                <td key={f}>{String(r.props[f] ?? '')}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
