import { Button, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { lazy, Suspense, useId } from 'react';
import { toCsv } from '../../../src/reports/csv.ts';
import type { ShownCount } from '../../../src/reports/figures.ts';
import type { ReportTable } from '../../../src/reports/tables.ts';
import type { ChartPoint } from './Chart.tsx';

// The charts library is big: the page shows its tables first and draws the charts when it has loaded.
const Chart = lazy(() => import('./Chart.tsx'));

export const useTableStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  pair: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXXL, alignItems: 'flex-start' },
  chart: { flex: '1 1 420px', minWidth: '280px', maxWidth: '720px', margin: 0 },
  table: {
    borderCollapse: 'collapse',
    minWidth: '280px',
    '& caption': { textAlign: 'start', fontWeight: tokens.fontWeightSemibold, paddingBottom: '4px' },
    '& th, & td': {
      borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
      padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
      textAlign: 'start',
      verticalAlign: 'top',
    },
    '& td': { textAlign: 'end', fontVariantNumeric: 'tabular-nums' },
    '& thead th': { fontWeight: tokens.fontWeightSemibold },
    '& tbody th': { fontWeight: tokens.fontWeightRegular },
  },
  start: { alignSelf: 'flex-start' },
});

/** A count as people read it: 1,234, or "fewer than 5". */
export const shown = (count: ShownCount | null) =>
  count === null ? 'not shown' : typeof count === 'number' ? count.toLocaleString('en-GB') : count;

/**
 * One table of the report: its chart where one helps, always beside the table that says the same in words (for
 * screen readers, and for anyone who wants the numbers), and its CSV export.
 */
export function ReportTableView({
  table,
  fileStem,
  onExport,
}: {
  table: ReportTable;
  /** e.g. "SLIP-2026-09-01-2026-12-31": the exported file is named after it and the table. */
  fileStem: string;
  onExport: (name: string, csv: string) => void;
}) {
  const styles = useTableStyles();
  const headingId = useId();
  const points: ChartPoint[] = table.rows.flatMap((row) =>
    typeof row.count === 'number' ? [{ key: row.key, label: row.label, count: row.count }] : [],
  );
  const leftOut = table.rows.filter((row) => typeof row.count !== 'number');
  const anything = points.some((point) => point.count > 0);
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <Text as="h2" size={400} weight="semibold" id={headingId}>
        {table.title}
      </Text>
      <div className={styles.pair}>
        {table.chart ? (
          <figure className={styles.chart}>
            {anything ? (
              <Suspense fallback={<Spinner size="tiny" label="Loading the chart…" />}>
                <Chart kind={table.chart} title={table.title} points={points} />
              </Suspense>
            ) : (
              <Text>Nothing to chart: there is no count above 0.</Text>
            )}
            {leftOut.length > 0 ? (
              <Text as="p" size={200}>
                Not in the chart, shown as “fewer than 5” in the table:{' '}
                {leftOut.map((row) => row.label).join('; ')}.
              </Text>
            ) : null}
          </figure>
        ) : null}
        <table className={styles.table}>
          <caption>{table.title}</caption>
          <thead>
            <tr>
              <th scope="col">{table.itemHeading}</th>
              <th scope="col">Count</th>
            </tr>
          </thead>
          <tbody>
            {table.rows.length === 0 ? (
              <tr>
                <th scope="row">None</th>
                <td>0</td>
              </tr>
            ) : (
              table.rows.map((row) => (
                <tr key={row.key}>
                  <th scope="row">{row.label}</th>
                  <td>{shown(row.count)}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      <Button
        className={styles.start}
        onClick={() =>
          onExport(
            `${fileStem}-${table.id}.csv`,
            toCsv(
              [table.itemHeading, 'Count'],
              table.rows.map((row) => [row.label, row.count]),
            ),
          )
        }
      >
        Export “{table.title}” as CSV
      </Button>
    </section>
  );
}
