import { Button, MessageBar, MessageBarBody, Spinner, Text } from '@fluentui/react-components';
import { useEffect, useId, useState } from 'react';
import type { Directory } from '../../../src/directory/directory.ts';
import { toCsv } from '../../../src/reports/csv.ts';
import type { ShownCount } from '../../../src/reports/figures.ts';
import { rangeLabel, reportTables, type Figures } from '../../../src/reports/tables.ts';
import { messageOf } from '../../shared/messages.ts';
import { shown, useTableStyles } from './ReportTableView.tsx';
import type { CountyDashboard as Dashboard, ReportsApi } from './reportsApi.ts';

/** The key indicators, as rows: the summary's figures and the referrals by section. */
function indicators(
  figures: Figures,
  directory: Directory,
): { key: string; label: string; count: ShownCount | null }[] {
  const tables = reportTables(figures, directory);
  const summary = tables.find((table) => table.id === 'summary')?.rows ?? [];
  const sections = tables.find((table) => table.id === 'bySection')?.rows ?? [];
  return [
    ...summary.map((row) =>
      // The median is not shown when it rests on fewer than 5 decided cases: say so, not 0.
      row.key === 'medianDaysToOutcome' ? { ...row, count: figures.medianDaysToOutcome } : row,
    ),
    ...sections.map((row) => ({ ...row, label: `Referrals in section ${row.label}` })),
  ];
}

type Term = Dashboard['terms'][number];

/** One term: the partnerships as columns, the indicators as rows. */
function TermTable({
  term,
  directory,
  onExport,
}: {
  term: Term;
  directory: Directory;
  onExport: (name: string, csv: string) => void;
}) {
  const styles = useTableStyles();
  const headingId = useId();
  const columns = term.partnerships.map((column) => ({
    id: column.partnership,
    rows: indicators(column.figures, directory),
  }));
  const rows = columns[0]?.rows ?? [];
  const caption = `${term.label}: ${rangeLabel(term.from, term.to)}`;
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <Text as="h3" size={300} weight="semibold" id={headingId}>
        {caption}
      </Text>
      <table className={styles.table}>
        <caption>{`The partnerships side by side, ${caption}`}</caption>
        <thead>
          <tr>
            <th scope="col">Indicator</th>
            {columns.map((column) => (
              <th scope="col" key={column.id}>
                {column.id}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              {columns.map((column) => (
                <td key={column.id}>{shown(column.rows[index]?.count ?? null)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <Button
        className={styles.start}
        onClick={() =>
          onExport(
            `county-${term.from}-${term.to}.csv`,
            toCsv(
              ['Indicator', ...columns.map((column) => column.id)],
              rows.map((row, index) => [
                row.label,
                ...columns.map((column) => column.rows[index]?.count ?? 'not shown'),
              ]),
            ),
          )
        }
      >
        Export {term.label} as CSV
      </Button>
    </section>
  );
}

/** The County dashboard (the partnership agreement, 8.11): the five partnerships, the last three terms. */
export function CountyDashboard({
  api,
  directory,
  onExport,
}: {
  api: ReportsApi;
  directory: Directory;
  onExport: (name: string, csv: string) => void;
}) {
  const styles = useTableStyles();
  const [dashboard, setDashboard] = useState<Dashboard | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  useEffect(() => {
    api.county().then(setDashboard, (error: unknown) => setProblem(messageOf(error)));
  }, [api]);
  return (
    <section className={styles.section} aria-labelledby="county-heading">
      <Text as="h2" size={500} weight="semibold" id="county-heading">
        County dashboard
      </Text>
      <Text>
        The five partnerships side by side for the last three terms. Counts from 1 to 4 show as “fewer than
        5”, so that no child can be picked out.
      </Text>
      {problem ? (
        <MessageBar intent="error">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      ) : !dashboard ? (
        <Spinner size="small" label="Loading the County dashboard…" />
      ) : (
        dashboard.terms.map((term) => (
          <TermTable key={term.from} term={term} directory={directory} onExport={onExport} />
        ))
      )}
    </section>
  );
}
