import { Button, Dropdown, Field, Option, Text } from '@fluentui/react-components';
import type { SeenPerson } from '../../../src/api/adminContract.ts';
import type { PanelMember, PartnershipSettings } from '../../../src/settings/settings.ts';
import { ConfirmRemove, EditDialog } from './EditDialog.tsx';
import { RowActions } from './RowActions.tsx';
import { PersonPicker } from './PersonPicker.tsx';
import { useAdminStyles } from './styles.ts';
import { SearchableTable } from './SearchableTable.tsx';
import type { SaveOutcome } from './useAdminView.ts';
import { useListEditor } from './useListEditor.ts';

const blank: PanelMember = { aadObjectId: '', name: '', schoolId: null };
const NO_SCHOOL = '';

/** A partnership's panel: who votes, and the school each represents (they do not vote on its cases). */
export function Panel({
  partnership,
  save,
  loadSeen,
}: {
  partnership: PartnershipSettings;
  save: (next: PartnershipSettings, done: string) => Promise<SaveOutcome>;
  loadSeen: () => Promise<SeenPerson[]>;
}) {
  const styles = useAdminStyles();
  const items = partnership.panel;
  const editor = useListEditor({
    items,
    save: (panel: PanelMember[], done) => save({ ...partnership, panel }, done),
    pathOf: (index) => `panel.${index}`,
    fields: ['aadObjectId', 'name', 'schoolId'],
  });
  const schoolName = (id: string | null) =>
    partnership.schools.find((school) => school.id === id)?.name ?? 'No school';
  const draft = editor.editing?.draft;
  const adding = editor.editing?.index === items.length;
  const removing = editor.removing === undefined ? undefined : items[editor.removing];
  return (
    <section className={styles.column} aria-labelledby="panel-heading">
      <Text as="h2" id="panel-heading" size={400} weight="semibold">
        Panel members
      </Text>
      <Text as="p">
        Without panel members, everyone in the meeting chat votes. A member does not vote on the cases of the
        school they represent.
      </Text>
      <SearchableTable
        label={`Panel members of ${partnership.id}`}
        rows={items}
        empty="No panel members: everyone in the meeting chat votes."
        columns={[
          { header: 'Name', text: (row) => row.name },
          { header: 'School they represent', text: (row) => schoolName(row.schoolId) },
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
        Add a panel member
      </Button>
      {draft && (
        <EditDialog
          title={adding ? `Add a panel member to ${partnership.id}` : `Change ${draft.name}`}
          onClose={editor.close}
          otherProblems={editor.problems.others}
          onSave={() =>
            editor.commit(
              adding ? `${draft.name} is on the ${partnership.id} panel.` : `${draft.name} is saved.`,
            )
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
          <Field label="School they represent" validationMessage={editor.problems.fields.schoolId ?? null}>
            <Dropdown
              value={schoolName(draft.schoolId)}
              selectedOptions={[draft.schoolId ?? NO_SCHOOL]}
              onOptionSelect={(_, data) =>
                editor.change({ ...draft, schoolId: data.optionValue ? data.optionValue : null })
              }
            >
              <Option value={NO_SCHOOL}>No school</Option>
              {partnership.schools.map((school) => (
                <Option key={school.id} value={school.id}>
                  {school.name}
                </Option>
              ))}
            </Dropdown>
          </Field>
        </EditDialog>
      )}
      {removing && (
        <ConfirmRemove
          question={`Remove ${removing.name} from the ${partnership.id} panel? They will no longer vote.`}
          problems={editor.problems.others}
          onClose={() => editor.askToRemove(undefined)}
          onConfirm={() => editor.remove(`${removing.name} is no longer on the ${partnership.id} panel.`)}
        />
      )}
    </section>
  );
}
