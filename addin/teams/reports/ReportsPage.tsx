import {
  Button,
  Divider,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import type { AdminView } from '../../../src/api/adminContract.ts';
import type { Directory } from '../../../src/directory/directory.ts';
import { rangeLabel } from '../../../src/reports/tables.ts';
import type { PartnershipId } from '../../../src/templates/fields.ts';
import { messageOf } from '../../shared/messages.ts';
import { CountyDashboard } from './CountyDashboard.tsx';
import { currentTerm, PeriodPicker, rangeOf, type Period } from './Period.tsx';
import { ReportTableView } from './ReportTableView.tsx';
import { csvFile, saveFile, type PartnershipReport, type ReportsApi } from './reportsApi.ts';

const useStyles = makeStyles({
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '1200px' },
  controls: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center' },
});

/**
 * The Reports page: a partnership's termly figures (the partnership agreement, 8.2 and 8.12) for a term or any
 * dates, each table with its chart and CSV export, the records export for auditors, and for administrators the
 * County dashboard (8.11). The service decides what this person sees: exact counts for their own partnership,
 * the County's view (small counts suppressed) of the others.
 */
export function ReportsPage({
  api,
  directory,
  today,
}: {
  api: ReportsApi;
  directory: Directory;
  /** YYYY-MM-DD, in the UK. */
  today: string;
}) {
  const styles = useStyles();
  const [me, setMe] = useState<AdminView['me'] | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  const [partnership, setPartnership] = useState<PartnershipId | undefined>();
  const [period, setPeriod] = useState<Period>(() => currentTerm(today, directory.terms));
  const [report, setReport] = useState<PartnershipReport | undefined>();
  const [reportProblem, setReportProblem] = useState<string | undefined>();
  const [notice, setNotice] = useState<string | undefined>();

  useEffect(() => {
    api.me().then(
      (who) => {
        setMe(who);
        setPartnership(who.coordinates[0] ?? (who.administrator ? directory.partnerships[0]?.id : undefined));
      },
      (error: unknown) => setProblem(messageOf(error)),
    );
  }, [api, directory]);

  const range = rangeOf(period, directory.terms);
  const from = 'from' in range ? range.from : undefined;
  const to = 'to' in range ? range.to : undefined;

  useEffect(() => {
    if (!partnership || !from || !to) return;
    let current = true;
    setReport(undefined);
    setReportProblem(undefined);
    api.report(partnership, { from, to }).then(
      (loaded) => current && setReport(loaded),
      (error: unknown) => current && setReportProblem(messageOf(error)),
    );
    return () => {
      current = false;
    };
  }, [api, partnership, from, to]);

  const exportCsv = useCallback((name: string, csv: string) => {
    saveFile(csvFile(name, csv));
    setNotice(`${name} is downloaded.`);
  }, []);
  const download = (what: 'csv' | 'records' | 'allRecords') => {
    if (!partnership || !from || !to) return;
    setNotice(undefined);
    (what === 'csv'
      ? api.reportCsv(partnership, { from, to })
      : api.recordsExport(what === 'allRecords' ? 'all' : partnership, { from, to })
    ).then(
      (file) => {
        saveFile(file);
        setNotice(
          what !== 'csv'
            ? `${file.name} is downloaded. The export is recorded: who, when, the partnership and the dates.`
            : `${file.name} is downloaded.`,
        );
      },
      (error: unknown) => setNotice(messageOf(error)),
    );
  };

  if (problem)
    return (
      <MessageBar intent="error">
        <MessageBarBody>{problem}</MessageBarBody>
      </MessageBar>
    );
  if (!me) return <Spinner label="Loading…" />;
  const visible = me.administrator
    ? directory.partnerships
    : directory.partnerships.filter((item) => me.coordinates.includes(item.id as PartnershipId));
  if (visible.length === 0)
    return <Text>Reports are for the partnerships’ coordinators and the administrators.</Text>;
  const name = (id: string) => directory.partnerships.find((item) => item.id === id)?.name ?? id;

  return (
    <div className={styles.column}>
      <Text>
        Signed in as {me.name}
        {me.administrator ? ', an administrator.' : `, coordinating ${me.coordinates.join(', ')}.`}
      </Text>
      <div className={styles.controls} role="group" aria-label="What the report covers">
        <Field label="Partnership">
          <Select
            value={partnership ?? ''}
            onChange={(_event, data) => setPartnership(data.value as PartnershipId)}
          >
            {visible.map((item) => (
              <option key={item.id} value={item.id}>{`${item.id} – ${item.name}`}</option>
            ))}
          </Select>
        </Field>
        <PeriodPicker period={period} onChange={setPeriod} today={today} dates={directory.terms} />
      </div>

      {partnership && from && to ? (
        <>
          <Text as="h2" size={500} weight="semibold" aria-live="polite">
            {`${partnership} – ${name(partnership)}: ${rangeLabel(from, to)}`}
          </Text>
          <div className={styles.row}>
            <Button appearance="primary" onClick={() => download('csv')}>
              Export every table as CSV
            </Button>
            <Button onClick={() => download('records')}>Export the decision records (zip)</Button>
            {me.administrator ? (
              <Button onClick={() => download('allRecords')}>
                Export every partnership’s decision records (zip)
              </Button>
            ) : null}
          </div>
          <Text size={200}>
            The records export has the decision record of every case referred in these dates, for the
            Authority’s auditors{me.administrator ? ' (the partnership chosen, or every partnership)' : ''}. Every export is recorded: who exported, when, the partnership and the dates.
          </Text>
          {notice ? (
            <MessageBar intent="info" role="status">
              <MessageBarBody>{notice}</MessageBarBody>
            </MessageBar>
          ) : null}
          {reportProblem ? (
            <MessageBar intent="error">
              <MessageBarBody>{reportProblem}</MessageBarBody>
            </MessageBar>
          ) : !report ? (
            <Spinner size="small" label="Loading the report…" />
          ) : (
            <>
              {report.suppressed ? (
                <MessageBar intent="info">
                  <MessageBarBody>
                    This is the County’s view of {partnership}: counts from 1 to 4 show as “fewer than 5”, so
                    that no child can be picked out. Its coordinators see the exact counts.
                  </MessageBarBody>
                </MessageBar>
              ) : null}
              {report.tables.map((table) => (
                <ReportTableView
                  key={table.id}
                  table={table}
                  fileStem={`${partnership}-${from}-${to}`}
                  onExport={exportCsv}
                />
              ))}
            </>
          )}
        </>
      ) : null}

      {me.administrator ? (
        <>
          <Divider />
          <CountyDashboard api={api} directory={directory} onExport={exportCsv} />
        </>
      ) : null}
    </div>
  );
}
