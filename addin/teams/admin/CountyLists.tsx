import { Button, Field, Input, Text } from '@fluentui/react-components';
import type { Resource, Service } from '../../../src/directory/directory.ts';
import { resourceIdFor, serviceIdFor } from '../../../src/settings/ids.ts';
import type { CountySettings } from '../../../src/settings/settings.ts';
import { ConfirmRemove, EditDialog } from './EditDialog.tsx';
import { RowActions } from './RowActions.tsx';
import { SearchableTable } from './SearchableTable.tsx';
import { useAdminStyles } from './styles.ts';
import type { SaveOutcome } from './useAdminView.ts';
import { useListEditor } from './useListEditor.ts';

interface Props {
  county: CountySettings;
  mayChange: boolean;
  save: (next: CountySettings, done: string) => Promise<SaveOutcome>;
}

/** Why an id is shown but cannot be typed: the same sentence for services and resources. */
const ID_HINT = 'Made from the name when it is added, and never changed: action plans refer to it by its id.';

/** The ids of a list's other entries, which a new entry's id must not repeat. */
const otherIds = (items: readonly { id: string }[], index: number | undefined) =>
  items.filter((_, at) => at !== index).map((item) => item.id);

/**
 * The services that attend the Inclusion Forums, any of which can own an agreed action. Administrators add, rename
 * and remove them; a new service's id comes from its name and never changes, since plans name the owner by id.
 */
export function Services({ county, mayChange, save }: Props) {
  const styles = useAdminStyles();
  const items = county.services;
  const editor = useListEditor({
    items,
    save: (services: Service[], done) => save({ ...county, services }, done),
    pathOf: (index) => `services.${index}`,
    fields: ['id', 'name'],
  });
  const draft = editor.editing?.draft;
  const adding = editor.editing?.index === items.length;
  const removing = editor.removing === undefined ? undefined : items[editor.removing];
  const locked = mayChange ? {} : { whyNot: 'services-why' };
  return (
    <section className={styles.column} aria-labelledby="services-heading">
      <Text as="h2" id="services-heading" size={400} weight="semibold">
        Services at the forums
      </Text>
      <Text as="p">
        An action agreed at an Inclusion Forum can be given to one of these services, as well as to the school
        or the partnership. Each service keeps the id it was given when it was added: action plans refer to it
        by that id, so renaming a service renames it in every plan.
      </Text>
      {!mayChange && (
        <Text as="p" id="services-why">
          Only an administrator can change the services.
        </Text>
      )}
      <SearchableTable
        label="Services at the forums"
        rows={items}
        empty="No services: actions can be given to the school or the partnership only."
        columns={[
          { header: 'Service', text: (row) => row.name },
          { header: 'Id', text: (row) => row.id },
        ]}
        actions={(row, index) => (
          <RowActions
            name={row.name}
            onEdit={() => editor.edit(index)}
            onRemove={() => editor.askToRemove(index)}
            {...locked}
          />
        )}
      />
      <Button
        className={styles.start}
        disabledFocusable={!mayChange}
        aria-describedby={mayChange ? undefined : 'services-why'}
        onClick={() => editor.add({ id: '', name: '' })}
      >
        Add a service
      </Button>
      {draft && (
        <EditDialog
          title={adding ? 'Add a service' : `Rename ${items[editor.editing?.index ?? 0]?.name ?? draft.name}`}
          onClose={editor.close}
          otherProblems={editor.problems.others}
          onSave={() =>
            editor.commit(
              adding ? `${draft.name.trim()} is added to the services.` : `${draft.name.trim()} is saved.`,
            )
          }
        >
          <Field label="Name" required validationMessage={editor.problems.fields.name ?? null}>
            <Input
              value={draft.name}
              onChange={(_, data) =>
                editor.change({
                  name: data.value,
                  id: adding ? serviceIdFor(data.value, otherIds(items, editor.editing?.index)) : draft.id,
                })
              }
            />
          </Field>
          <Field label="Id" hint={ID_HINT} validationMessage={editor.problems.fields.id ?? null}>
            <Input readOnly value={draft.id} />
          </Field>
        </EditDialog>
      )}
      {removing && (
        <ConfirmRemove
          question={`Remove ${removing.name}? No new action can be given to it; a plan that already gives it one shows its id, “${removing.id}”, and must give that action to someone else when it is next changed.`}
          problems={editor.problems.others}
          onClose={() => editor.askToRemove(undefined)}
          onConfirm={() => editor.remove(`${removing.name} is no longer one of the services.`)}
        />
      )}
    </section>
  );
}

/** The resources and services a forum's advice can link to: a title and an https address each. */
export function Resources({ county, mayChange, save }: Props) {
  const styles = useAdminStyles();
  const items = county.resources;
  const editor = useListEditor({
    items,
    save: (resources: Resource[], done) => save({ ...county, resources }, done),
    pathOf: (index) => `resources.${index}`,
    fields: ['id', 'title', 'url'],
  });
  const draft = editor.editing?.draft;
  const adding = editor.editing?.index === items.length;
  const removing = editor.removing === undefined ? undefined : items[editor.removing];
  const locked = mayChange ? {} : { whyNot: 'resources-why' };
  return (
    <section className={styles.column} aria-labelledby="resources-heading">
      <Text as="h2" id="resources-heading" size={400} weight="semibold">
        Resources for advice
      </Text>
      <Text as="p">
        The links a forum’s advice can pick from. Like a service, each keeps the id it was given when it was
        added, because action plans refer to it by that id.
      </Text>
      {!mayChange && (
        <Text as="p" id="resources-why">
          Only an administrator can change the resources.
        </Text>
      )}
      <SearchableTable
        label="Resources for advice"
        rows={items}
        empty="No resources yet."
        columns={[
          { header: 'Title', text: (row) => row.title },
          { header: 'Address', text: (row) => row.url },
        ]}
        actions={(row, index) => (
          <RowActions
            name={row.title}
            onEdit={() => editor.edit(index)}
            onRemove={() => editor.askToRemove(index)}
            {...locked}
          />
        )}
      />
      <Button
        className={styles.start}
        disabledFocusable={!mayChange}
        aria-describedby={mayChange ? undefined : 'resources-why'}
        onClick={() => editor.add({ id: '', title: '', url: 'https://' })}
      >
        Add a resource
      </Button>
      {draft && (
        <EditDialog
          title={
            adding ? 'Add a resource' : `Change ${items[editor.editing?.index ?? 0]?.title ?? draft.title}`
          }
          onClose={editor.close}
          otherProblems={editor.problems.others}
          onSave={() =>
            editor.commit(
              adding ? `${draft.title.trim()} is added to the resources.` : `${draft.title.trim()} is saved.`,
            )
          }
        >
          <Field label="Title" required validationMessage={editor.problems.fields.title ?? null}>
            <Input
              value={draft.title}
              onChange={(_, data) =>
                editor.change({
                  ...draft,
                  title: data.value,
                  id: adding ? resourceIdFor(data.value, otherIds(items, editor.editing?.index)) : draft.id,
                })
              }
            />
          </Field>
          <Field
            label="Address"
            required
            hint="An https:// address."
            validationMessage={editor.problems.fields.url ?? null}
          >
            <Input
              type="url"
              value={draft.url}
              onChange={(_, data) => editor.change({ ...draft, url: data.value.trim() })}
            />
          </Field>
          <Field label="Id" hint={ID_HINT} validationMessage={editor.problems.fields.id ?? null}>
            <Input readOnly value={draft.id} />
          </Field>
        </EditDialog>
      )}
      {removing && (
        <ConfirmRemove
          question={`Remove ${removing.title}? Advice can no longer link to it; a plan that already does must drop the link when it is next changed.`}
          problems={editor.problems.others}
          onClose={() => editor.askToRemove(undefined)}
          onConfirm={() => editor.remove(`${removing.title} is no longer one of the resources.`)}
        />
      )}
    </section>
  );
}
