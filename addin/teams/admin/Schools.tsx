import { Button, Field, Input, Radio, RadioGroup, Text } from '@fluentui/react-components';
import type { School } from '../../../src/directory/directory.ts';
import type { PartnershipSettings } from '../../../src/settings/settings.ts';
import { EditDialog } from './EditDialog.tsx';
import { useAdminStyles } from './styles.ts';
import { SearchableTable } from './SearchableTable.tsx';
import type { SaveOutcome } from './useAdminView.ts';
import { useListEditor } from './useListEditor.ts';

const membership = (value: boolean | null) => (value === null ? 'Not known' : value ? 'Yes' : 'No');

/** Each school's key facts: its key link (templates 1 and 2 go to them), City BAP membership, email domain. */
export function Schools({
  partnership,
  save,
}: {
  partnership: PartnershipSettings;
  save: (next: PartnershipSettings, done: string) => Promise<SaveOutcome>;
}) {
  const styles = useAdminStyles();
  const items = partnership.schools;
  const editor = useListEditor({
    items,
    save: (schools: School[], done) => save({ ...partnership, schools }, done),
    pathOf: (index) => `schools.${index}`,
    fields: ['keyLinkName', 'keyLinkEmail', 'cityBapMember', 'emailDomain'],
  });
  const draft = editor.editing?.draft;
  const problems = editor.problems.fields;
  return (
    <section className={styles.column} aria-labelledby="schools-heading">
      <Text as="h2" id="schools-heading" size={400} weight="semibold">
        Schools of {partnership.id}
      </Text>
      <SearchableTable
        label={`Schools of ${partnership.id}`}
        rows={items}
        empty="No schools."
        columns={[
          { header: 'School', text: (row) => row.name },
          { header: 'Key link', text: (row) => row.keyLinkName ?? '—' },
          { header: 'Key link’s email', text: (row) => row.keyLinkEmail ?? '—' },
          { header: 'City BAP member', text: (row) => membership(row.cityBapMember) },
          { header: 'Email domain', text: (row) => row.emailDomain ?? '—' },
        ]}
        actions={(row, index) => (
          <Button size="small" aria-label={`Edit ${row.name}`} onClick={() => editor.edit(index)}>
            Edit
          </Button>
        )}
      />
      {draft && (
        <EditDialog
          title={draft.name}
          onClose={editor.close}
          otherProblems={editor.problems.others}
          onSave={() => editor.commit(`${draft.name} is saved.`)}
        >
          <Field
            label="Key link’s name"
            hint="Templates 1 and 2 go to them."
            validationMessage={problems.keyLinkName ?? null}
          >
            <Input
              value={draft.keyLinkName ?? ''}
              onChange={(_, data) => editor.change({ ...draft, keyLinkName: data.value || undefined })}
            />
          </Field>
          <Field label="Key link’s email" validationMessage={problems.keyLinkEmail ?? null}>
            <Input
              type="email"
              value={draft.keyLinkEmail ?? ''}
              onChange={(_, data) =>
                editor.change({ ...draft, keyLinkEmail: data.value.trim() || undefined })
              }
            />
          </Field>
          <Field
            label="Member of the City Behaviour and Attendance Partnership (City BAP)"
            validationMessage={problems.cityBapMember ?? null}
          >
            <RadioGroup
              value={membership(draft.cityBapMember)}
              onChange={(_, data) =>
                editor.change({
                  ...draft,
                  cityBapMember: data.value === 'Not known' ? null : data.value === 'Yes',
                })
              }
            >
              <Radio value="Yes" label="Yes" />
              <Radio value="No" label="No" />
              <Radio value="Not known" label="Not known" />
            </RadioGroup>
          </Field>
          <Field
            label="School’s email domain"
            hint="For example school.leics.sch.uk: emails to its staff are not taken for unusual addresses."
            validationMessage={problems.emailDomain ?? null}
          >
            <Input
              value={draft.emailDomain ?? ''}
              onChange={(_, data) => editor.change({ ...draft, emailDomain: data.value.trim() || undefined })}
            />
          </Field>
        </EditDialog>
      )}
    </section>
  );
}
