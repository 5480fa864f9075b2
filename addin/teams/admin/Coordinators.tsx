import { Button, Field, Input, Switch, Text } from '@fluentui/react-components';
import type { SeenPerson } from '../../../src/api/adminContract.ts';
import type { Coordinator, PartnershipSettings } from '../../../src/settings/settings.ts';
import { ConfirmRemove, EditDialog } from './EditDialog.tsx';
import { RowActions } from './RowActions.tsx';
import { PersonPicker } from './PersonPicker.tsx';
import { useAdminStyles } from './styles.ts';
import { SearchableTable } from './SearchableTable.tsx';
import type { SaveOutcome } from './useAdminView.ts';
import { useListEditor } from './useListEditor.ts';

const blank: Coordinator = { aadObjectId: null, name: '', email: null, deputy: false };

/** A partnership's coordinators and deputies; only an administrator changes them. */
export function Coordinators({
  partnership,
  mayChange,
  save,
  loadSeen,
}: {
  partnership: PartnershipSettings;
  mayChange: boolean;
  save: (next: PartnershipSettings, done: string) => Promise<SaveOutcome>;
  loadSeen: () => Promise<SeenPerson[]>;
}) {
  const styles = useAdminStyles();
  const items = partnership.coordinators;
  const editor = useListEditor({
    items,
    save: (coordinators: Coordinator[], done) => save({ ...partnership, coordinators }, done),
    pathOf: (index) => `coordinators.${index}`,
    fields: ['aadObjectId', 'name', 'email', 'deputy'],
  });
  const draft = editor.editing?.draft;
  const adding = editor.editing?.index === items.length;
  const removing = editor.removing === undefined ? undefined : items[editor.removing];
  return (
    <section className={styles.column} aria-labelledby="coordinators-heading">
      <Text as="h2" id="coordinators-heading" size={400} weight="semibold">
        Coordinators and deputies
      </Text>
      {!mayChange && (
        <Text as="p" id="coordinators-why">
          Only an administrator can change the coordinators and deputies.
        </Text>
      )}
      <SearchableTable
        label={`Coordinators and deputies of ${partnership.id}`}
        rows={items}
        empty="No coordinators yet."
        columns={[
          { header: 'Name', text: (row) => row.name },
          { header: 'Role', text: (row) => (row.deputy ? 'Deputy' : 'Coordinator') },
          { header: 'Email', text: (row) => row.email ?? '—' },
          {
            header: 'Access',
            text: (row) => (row.aadObjectId ? 'Signs in with Microsoft 365' : 'Contact only: no access'),
          },
        ]}
        actions={(row, index) => (
          <RowActions
            name={row.name}
            onEdit={() => editor.edit(index)}
            onRemove={() => editor.askToRemove(index)}
            {...(mayChange ? {} : { whyNot: 'coordinators-why' })}
          />
        )}
      />
      <Button
        className={styles.start}
        disabledFocusable={!mayChange}
        aria-describedby={mayChange ? undefined : 'coordinators-why'}
        onClick={() => editor.add(blank)}
      >
        Add a coordinator or deputy
      </Button>
      {draft && (
        <EditDialog
          title={adding ? `Add a coordinator or deputy to ${partnership.id}` : `Change ${draft.name}`}
          onClose={editor.close}
          otherProblems={editor.problems.others}
          onSave={() =>
            editor.commit(`${draft.name} is saved as a ${draft.deputy ? 'deputy' : 'coordinator'}.`)
          }
        >
          <PersonPicker
            value={draft}
            onChange={(person) => editor.change({ ...draft, ...person })}
            loadSeen={loadSeen}
            listed={items.flatMap((item) => (item.aadObjectId ? [item.aadObjectId] : []))}
            allowUnlinked
            problems={editor.problems.fields}
          />
          <Field label="Email" validationMessage={editor.problems.fields.email ?? null}>
            <Input
              type="email"
              value={draft.email ?? ''}
              onChange={(_, data) => editor.change({ ...draft, email: data.value.trim() || null })}
            />
          </Field>
          <Switch
            label="Deputy (rather than the coordinator)"
            checked={draft.deputy}
            onChange={(_, data) => editor.change({ ...draft, deputy: data.checked })}
          />
        </EditDialog>
      )}
      {removing && (
        <ConfirmRemove
          question={`Remove ${removing.name} from ${partnership.id}’s coordinators and deputies?`}
          problems={editor.problems.others}
          onClose={() => editor.askToRemove(undefined)}
          onConfirm={() => editor.remove(`${removing.name} is no longer listed for ${partnership.id}.`)}
        />
      )}
    </section>
  );
}
