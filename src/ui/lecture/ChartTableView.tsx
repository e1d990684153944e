/** The data table behind a chart's "Show the data as a table" button (see ChartTable.tsx). */
import type { LossPoint, PairPoint } from '../../state/curves';
import { formatLoss } from '../labels';

export type ChartTableData =
  | { readonly id: 'a' | 'b'; readonly kind: 'loss'; readonly caption: string; readonly rows: readonly LossPoint[] }
  | {
    readonly id: 'overlay'; readonly kind: 'pair'; readonly caption: string; readonly rows: readonly PairPoint[];
    readonly names: { readonly a: string; readonly b: string };
  };

interface Column<Row> {
  readonly label: string;
  readonly value: (row: Row) => number;
}

const LOSS_COLUMNS: readonly Column<LossPoint>[] = [
  { label: 'train loss', value: (p) => p.trainLoss },
  { label: 'test loss', value: (p) => p.testLoss },
];

function pairColumns(names: { a: string; b: string }): Column<PairPoint>[] {
  return [
    { label: `${names.a}: train loss`, value: (p) => p.aTrain },
    { label: `${names.a}: test loss`, value: (p) => p.aTest },
    { label: `${names.b}: train loss`, value: (p) => p.bTrain },
    { label: `${names.b}: test loss`, value: (p) => p.bTest },
  ];
}

function Table<Row extends { readonly epoch: number }>({ id, caption, rows, columns }: {
  id: string; caption: string; rows: readonly Row[]; columns: readonly Column<Row>[];
}) {
  return (
    <table data-testid={`table-${id}`}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">epoch</th>
          {columns.map((c) => <th key={c.label} scope="col">{c.label}</th>)}
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 && <tr><td colSpan={columns.length + 1}>No epochs trained yet.</td></tr>}
        {rows.map((r) => (
          <tr key={r.epoch}>
            <th scope="row">{r.epoch}</th>
            {columns.map((c) => <td key={c.label}>{formatLoss(c.value(r))}</td>)}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export default function ChartTableView({ regionId, data }: { regionId: string; data: ChartTableData }) {
  return (
    // Focusable, so that keyboard users can scroll a long table.
    <div id={regionId} className="table-scroll" tabIndex={0} role="region" aria-label={`${data.caption}: data`}>
      {data.kind === 'loss'
        ? <Table id={data.id} caption={data.caption} rows={data.rows} columns={LOSS_COLUMNS} />
        : <Table id={data.id} caption={data.caption} rows={data.rows} columns={pairColumns(data.names)} />}
    </div>
  );
}
