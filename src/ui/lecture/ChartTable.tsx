/**
 * A chart's text alternative: a button that shows the chart's data as a table, one row per epoch,
 * for screen readers and for anyone who wants the numbers rather than the picture. The table's
 * code loads when it is first shown.
 */
import { lazy, Suspense, useId, useState } from 'react';
import type { LossPoint, PairPoint } from '../../state/curves';
import type { ChartTableData } from './ChartTableView';

const ChartTableView = lazy(() => import('./ChartTableView'));

function ChartTable({ data }: { data: ChartTableData }) {
  const [shown, setShown] = useState(false);
  const regionId = useId();
  return (
    <div className="chart-table">
      <button type="button" className="link-button" aria-expanded={shown} aria-controls={regionId}
        data-testid={`table-toggle-${data.id}`} onClick={() => setShown(!shown)}>
        {shown ? 'Hide the data table' : 'Show the data as a table'}
      </button>
      {shown && (
        <Suspense fallback={null}>
          <ChartTableView regionId={regionId} data={data} />
        </Suspense>
      )}
    </div>
  );
}

/** The table of one network's chart. */
export function LossTable({ network, title, rows }: { network: 'a' | 'b'; title: string; rows: readonly LossPoint[] }) {
  return <ChartTable data={{ id: network, kind: 'loss', caption: `${title}: loss per epoch`, rows }} />;
}

/** The table of the both-networks chart; `names` as in its legend ("A · no activation"). */
export function PairTable({ rows, names }: { rows: readonly PairPoint[]; names: { a: string; b: string } }) {
  return <ChartTable data={{ id: 'overlay', kind: 'pair', caption: 'Both networks: loss per epoch', rows, names }} />;
}
