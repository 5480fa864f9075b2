import { Field, Input, Radio, RadioGroup, Select, makeStyles, tokens } from '@fluentui/react-components';
import { termIds, termOf, termRange, type TermDates, type TermId } from '../../../src/reports/terms.ts';
import { parseIsoDate } from '../../../src/text/dates.ts';

/** What a report covers: a term of a school year, or any dates. */
export type Period =
  { kind: 'term'; term: TermId; startYear: number } | { kind: 'dates'; from: string; to: string };

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, alignItems: 'flex-end' },
});

const termNames: Record<TermId, string> = { autumn: 'Autumn', spring: 'Spring', summer: 'Summer' };

/** The first period shown: the term today falls in. */
export const currentTerm = (today: string, dates: TermDates): Period => ({
  kind: 'term',
  ...termOf(today, dates),
});

/** The period's dates, or why there are none yet (a date range being typed). */
export function rangeOf(
  period: Period,
  dates: TermDates,
): { from: string; to: string } | { problem: string } {
  if (period.kind === 'term') return termRange(period.term, period.startYear, dates);
  if (!parseIsoDate(period.from) || !parseIsoDate(period.to)) return { problem: 'Enter both dates.' };
  if (period.to < period.from) return { problem: 'The end is before the start.' };
  return { from: period.from, to: period.to };
}

/** Choose a term (autumn, spring or summer of a school year) or any dates. */
export function PeriodPicker({
  period,
  onChange,
  today,
  dates,
}: {
  period: Period;
  onChange: (period: Period) => void;
  today: string;
  dates: TermDates;
}) {
  const styles = useStyles();
  const thisYear = termOf(today, dates).startYear;
  // The school years records are kept for (seven financial years), newest first.
  const years = Array.from({ length: 8 }, (_, index) => thisYear - index);
  const term = period.kind === 'term' ? period : termOf(today, dates);
  const range = rangeOf(period, dates);
  return (
    <>
      <RadioGroup
        layout="horizontal"
        aria-label="Period"
        value={period.kind}
        onChange={(_event, data) => {
          if (data.value === period.kind) return;
          if (data.value === 'term') onChange({ kind: 'term', ...termOf(today, dates) });
          else if ('from' in range) onChange({ kind: 'dates', from: range.from, to: range.to });
          else onChange({ kind: 'dates', from: today, to: today });
        }}
      >
        <Radio value="term" label="A term" />
        <Radio value="dates" label="Any dates" />
      </RadioGroup>
      {period.kind === 'term' ? (
        <div className={styles.row}>
          <Field label="Term">
            <Select
              value={term.term}
              onChange={(_event, data) => onChange({ ...term, kind: 'term', term: data.value as TermId })}
            >
              {termIds.map((id) => (
                <option key={id} value={id}>
                  {termNames[id]}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="School year">
            <Select
              value={String(term.startYear)}
              onChange={(_event, data) => onChange({ ...term, kind: 'term', startYear: Number(data.value) })}
            >
              {years.map((year) => (
                <option key={year} value={year}>
                  {`${year}/${String(year + 1).slice(2)}`}
                </option>
              ))}
            </Select>
          </Field>
        </div>
      ) : (
        <div className={styles.row}>
          <Field label="From">
            <Input
              type="date"
              value={period.from}
              onChange={(_event, data) => onChange({ ...period, from: data.value })}
            />
          </Field>
          <Field label="To" validationMessage={'problem' in range ? range.problem : null}>
            <Input
              type="date"
              value={period.to}
              onChange={(_event, data) => onChange({ ...period, to: data.value })}
            />
          </Field>
        </div>
      )}
    </>
  );
}
