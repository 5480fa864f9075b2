import { useState } from 'react';
import { splitProblems, type FieldProblems } from './problems.ts';
import type { SaveOutcome } from './useAdminView.ts';

/**
 * Editing one item of a list in a document (a panel member, a school, an administrator): the draft, its
 * problems, and the whole list saved with the item changed, added or removed.
 */
export function useListEditor<T>({
  items,
  save,
  pathOf,
  fields,
}: {
  items: readonly T[];
  save: (next: T[], done: string) => Promise<SaveOutcome>;
  /** The dotted path of the item at an index, e.g. `panel.2`. */
  pathOf: (index: number) => string;
  /** The form's fields, for the messages beside them. */
  fields: readonly string[];
}) {
  const [editing, setEditing] = useState<{ index: number; draft: T } | undefined>();
  const [problems, setProblems] = useState<{ fields: FieldProblems; others: string[] }>({
    fields: {},
    others: [],
  });
  const [removing, setRemoving] = useState<number | undefined>();

  const open = (index: number, draft: T) => {
    setProblems({ fields: {}, others: [] });
    setEditing({ index, draft });
  };
  /** Saved, or the document was reloaded because someone else changed it: either way the form closes. */
  const closes = (outcome: SaveOutcome) => outcome.saved || outcome.stale === true;

  return {
    editing,
    problems,
    removing,
    edit: (index: number) => {
      const item = items[index];
      if (item !== undefined) open(index, item);
    },
    add: (blank: T) => open(items.length, blank),
    change: (draft: T) => setEditing((current) => current && { ...current, draft }),
    close: () => setEditing(undefined),
    async commit(done: string): Promise<boolean> {
      if (!editing) return true;
      const next = [...items];
      next[editing.index] = editing.draft;
      const outcome = await save(next, done);
      if (!outcome.saved) setProblems(splitProblems(outcome.problems, pathOf(editing.index), fields));
      return closes(outcome);
    },
    askToRemove: setRemoving,
    async remove(done: string): Promise<boolean> {
      if (removing === undefined) return true;
      const outcome = await save(
        items.filter((_, index) => index !== removing),
        done,
      );
      if (!outcome.saved && !outcome.stale) setProblems(splitProblems(outcome.problems, '', []));
      return closes(outcome);
    },
  };
}
