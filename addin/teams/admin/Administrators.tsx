import { Button, Field, Input, Text } from '@fluentui/react-components';
import type { SeenPerson, Versioned } from '../../../src/api/adminContract.ts';
import type { Administrator } from '../../../src/settings/settings.ts';
import { ConfirmRemove, EditDialog } from './EditDialog.tsx';
import { RowActions } from './RowActions.tsx';
import { PersonPicker } from './PersonPicker.tsx';
import { useAdminStyles } from './styles.ts';
import { SearchableTable } from './SearchableTable.tsx';
import type { SaveOutcome } from './useAdminView.ts';
import { useListEditor } from './useListEditor.ts';

const blank: Administrator = { aadObjectId: '', name: '', email: null };

/** The administrators: they change everything, in every partnership. Shown to administrators only. */
export function Administrators({
  administrators,
  save,
  loadSeen,
}: {
  administrators: Versioned<Administrator[]>;
  save: (next: Administrator[], done: string) => Promise<SaveOutcome>;
  loadSeen: () => Promise<SeenPerson[]>;
}) {
  const styles = useAdminStyles();
  const items = administrators.value;
  const editor = useListEditor({ items, save, pathOf: String, fields: ['aadObjectId', 'name', 'email'] });
  const draft = editor.editing?.draft;
  const adding = editor.editing?.index === items.length;
  const removing = editor.removing === undefined ? undefined : items[editor.removing];
  return (
    <section className={styles.column} aria-labelledby="administrators-heading">
      <Text as="h2" id="administrators-heading" size={400} weight="semibold">
        Administrators
      </Text>
      <SearchableTable
        label="Administrators"
        rows={items}
        empty="No administrators yet."
        columns={[
          { header: 'Name', text: (row) => row.name },
          { header: 'Email', text: (row) => row.email ?? '—' },
        ]}
        actions={(row, index) => (
          <RowActions
            name={row.name}
            onEdit={() => editor.edit(index)}
            onRemove={() => editor.askToRemove(index)}
          />
        )}
      />
      <Button className={styles.start} onClick={() => editor.add(blank)}>
        Add an administrator
      </Button>
      {draft && (
        <EditDialog
          title={adding ? 'Add an administrator' : `Change ${items[editor.editing?.index ?? 0]?.name ?? ''}`}
          onClose={editor.close}
          otherProblems={editor.problems.others}
          onSave={() =>
            editor.commit(adding ? `${draft.name} is an administrator.` : `${draft.name} is saved.`)
          }
        >
          <PersonPicker
            value={draft}
            onChange={(person) =>
              editor.change({ ...draft, ...person, aadObjectId: person.aadObjectId ?? '' })
            }
            loadSeen={loadSeen}
            listed={items.map((item) => item.aadObjectId)}
            problems={editor.problems.fields}
          />
          <Field label="Email" validationMessage={editor.problems.fields.email ?? null}>
            <Input
              type="email"
              value={draft.email ?? ''}
              onChange={(_, data) => editor.change({ ...draft, email: data.value.trim() || null })}
            />
          </Field>
        </EditDialog>
      )}
      {removing && (
        <ConfirmRemove
          question={`Remove ${removing.name} from the administrators? They will no longer be able to change the settings.`}
          problems={editor.problems.others}
          onClose={() => editor.askToRemove(undefined)}
          onConfirm={() => editor.remove(`${removing.name} is no longer an administrator.`)}
        />
      )}
    </section>
  );
}
