import {
  SearchBox,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';

const useStyles = makeStyles({
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

export interface Column<T> {
  header: string;
  /** The cell's text, which the search box also looks in. */
  text: (row: T) => string;
}

/** A table with a search box above it; each row keeps its index in the document for its actions. */
export function SearchableTable<T>({
  label,
  rows,
  columns,
  actions,
  empty,
}: {
  label: string;
  rows: readonly T[];
  columns: Column<T>[];
  actions?: (row: T, index: number) => React.ReactNode;
  empty: string;
}) {
  const styles = useStyles();
  const [query, setQuery] = useState('');
  const needle = query.trim().toLocaleLowerCase('en-GB');
  const shown = rows
    .map((row, index) => ({ row, index }))
    .filter(
      ({ row }) =>
        !needle || columns.some((column) => column.text(row).toLocaleLowerCase('en-GB').includes(needle)),
    );
  return (
    <div className={styles.column}>
      <SearchBox
        aria-label={`Search ${label.toLocaleLowerCase('en-GB')}`}
        placeholder="Search"
        value={query}
        onChange={(_, data) => setQuery(data.value)}
      />
      {rows.length === 0 ? (
        <Text>{empty}</Text>
      ) : shown.length === 0 ? (
        <Text>Nothing matches “{query}”.</Text>
      ) : (
        <Table aria-label={label} size="small">
          <TableHeader>
            <TableRow>
              {columns.map((column) => (
                <TableHeaderCell key={column.header}>{column.header}</TableHeaderCell>
              ))}
              {actions && <TableHeaderCell>Actions</TableHeaderCell>}
            </TableRow>
          </TableHeader>
          <TableBody>
            {shown.map(({ row, index }) => (
              <TableRow key={index}>
                {columns.map((column) => (
                  <TableCell key={column.header}>{column.text(row)}</TableCell>
                ))}
                {actions && (
                  <TableCell>
                    <div className={styles.actions}>{actions(row, index)}</div>
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
