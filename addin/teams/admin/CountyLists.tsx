import { Button, Field, Input, Text } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { Resource, Service } from '../../../src/directory/directory.ts';
import { resourceIdFor, serviceIdFor } from '../../../src/settings/ids.ts';
import type { CountySettings } from '../../../src/settings/settings.ts';
import { ConfirmRemove, EditDialog } from './EditDialog.tsx';
import type { FieldProblems } from './problems.ts';
import { RowActions } from './RowActions.tsx';
import { SearchableTable, type Column } from './SearchableTable.tsx';
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

/** What the form of one entry is given: the draft, a way to change it, its problems, and its new id's maker. */
interface EntryForm<T> {
  draft: T;
  change: (draft: T) => void;
  problems: FieldProblems;
  /** The id a new entry gets from its name (unique in the list); an entry being changed keeps its own. */
  idFor: (name: string) => string;
}

/** What tells one of the County's lists of entries with ids from the other. */
interface CountyListOf<T extends { id: string }> {
  /** The list in the County document, which names its entries' paths and its elements' ids. */
  list: 'services' | 'resources';
  heading: string;
  about: string;
  /** What the list is called in a sentence: "the services". */
  called: string;
  empty: string;
  columns: Column<T>[];
  nameOf: (entry: T) => string;
  blank: T;
  /** "Add a service". */
  addLabel: string;
  /** The dialog's title for an entry being changed: "Rename …". */
  changeTitle: (name: string) => string;
  removeQuestion: (entry: T) => string;
  fields: readonly (keyof T & string)[];
  idFor: (name: string, taken: readonly string[]) => string;
  form: (entry: EntryForm<T>) => ReactNode;
}

/**
 * One of the County's lists whose entries plans refer to by id: a searchable table, adding, changing and
 * removing (after a question) in a dialog. A new entry's id comes from its name and never changes afterwards.
 */
function CountyList<T extends { id: string }>({
  county,
  mayChange,
  save,
  items,
  of,
}: Props & { items: readonly T[]; of: CountyListOf<T> }) {
  const styles = useAdminStyles();
  const editor = useListEditor({
    items,
    save: (next: T[], done) => save({ ...county, [of.list]: next }, done),
    pathOf: (index) => `${of.list}.${index}`,
    fields: of.fields,
  });
  const draft = editor.editing?.draft;
  const adding = editor.editing?.index === items.length;
  const removing = editor.removing === undefined ? undefined : items[editor.removing];
  const whyNot = `${of.list}-why`;
  const locked = mayChange ? {} : { whyNot };
  return (
    <section className={styles.column} aria-labelledby={`${of.list}-heading`}>
      <Text as="h2" id={`${of.list}-heading`} size={400} weight="semibold">
        {of.heading}
      </Text>
      <Text as="p">{of.about}</Text>
      {!mayChange && (
        <Text as="p" id={whyNot}>
          Only an administrator can change {of.called}.
        </Text>
      )}
      <SearchableTable
        label={of.heading}
        rows={items}
        empty={of.empty}
        columns={of.columns}
        actions={(row, index) => (
          <RowActions
            name={of.nameOf(row)}
            onEdit={() => editor.edit(index)}
            onRemove={() => editor.askToRemove(index)}
            {...locked}
          />
        )}
      />
      <Button
        className={styles.start}
        disabledFocusable={!mayChange}
        aria-describedby={mayChange ? undefined : whyNot}
        onClick={() => editor.add(of.blank)}
      >
        {of.addLabel}
      </Button>
      {draft && (
        <EditDialog
          title={adding ? of.addLabel : of.changeTitle(of.nameOf(items[editor.editing?.index ?? 0] ?? draft))}
          onClose={editor.close}
          otherProblems={editor.problems.others}
          onSave={() =>
            editor.commit(
              adding
                ? `${of.nameOf(draft).trim()} is added to ${of.called}.`
                : `${of.nameOf(draft).trim()} is saved.`,
            )
          }
        >
          {of.form({
            draft,
            change: editor.change,
            problems: editor.problems.fields,
            idFor: (name) => (adding ? of.idFor(name, otherIds(items, editor.editing?.index)) : draft.id),
          })}
          <Field label="Id" hint={ID_HINT} validationMessage={editor.problems.fields.id ?? null}>
            <Input readOnly value={draft.id} />
          </Field>
        </EditDialog>
      )}
      {removing && (
        <ConfirmRemove
          question={of.removeQuestion(removing)}
          problems={editor.problems.others}
          onClose={() => editor.askToRemove(undefined)}
          onConfirm={() => editor.remove(`${of.nameOf(removing)} is no longer one of ${of.called}.`)}
        />
      )}
    </section>
  );
}

const services: CountyListOf<Service> = {
  list: 'services',
  heading: 'Services at the forums',
  about:
    'An action agreed at an Inclusion Forum can be given to one of these services, as well as to the school or the partnership. Each service keeps the id it was given when it was added: action plans refer to it by that id, so renaming a service renames it in every plan.',
  called: 'the services',
  empty: 'No services: actions can be given to the school or the partnership only.',
  columns: [
    { header: 'Service', text: (row) => row.name },
    { header: 'Id', text: (row) => row.id },
  ],
  nameOf: (service) => service.name,
  blank: { id: '', name: '' },
  addLabel: 'Add a service',
  changeTitle: (name) => `Rename ${name}`,
  removeQuestion: (service) =>
    `Remove ${service.name}? No new action can be given to it; a plan that already gives it one shows its id, “${service.id}”, and must give that action to someone else when it is next changed.`,
  fields: ['id', 'name'],
  idFor: serviceIdFor,
  form: ({ draft, change, problems, idFor }) => (
    <Field label="Name" required validationMessage={problems.name ?? null}>
      <Input value={draft.name} onChange={(_, data) => change({ name: data.value, id: idFor(data.value) })} />
    </Field>
  ),
};

const resources: CountyListOf<Resource> = {
  list: 'resources',
  heading: 'Resources for advice',
  about:
    'The links a forum’s advice can pick from. Like a service, each keeps the id it was given when it was added, because action plans refer to it by that id.',
  called: 'the resources',
  empty: 'No resources yet.',
  columns: [
    { header: 'Title', text: (row) => row.title },
    { header: 'Address', text: (row) => row.url },
  ],
  nameOf: (resource) => resource.title,
  blank: { id: '', title: '', url: 'https://' },
  addLabel: 'Add a resource',
  changeTitle: (title) => `Change ${title}`,
  removeQuestion: (resource) =>
    `Remove ${resource.title}? Advice can no longer link to it; a plan that already does must drop the link when it is next changed.`,
  fields: ['id', 'title', 'url'],
  idFor: resourceIdFor,
  form: ({ draft, change, problems, idFor }) => (
    <>
      <Field label="Title" required validationMessage={problems.title ?? null}>
        <Input
          value={draft.title}
          onChange={(_, data) => change({ ...draft, title: data.value, id: idFor(data.value) })}
        />
      </Field>
      <Field label="Address" required hint="An https:// address." validationMessage={problems.url ?? null}>
        <Input
          type="url"
          value={draft.url}
          onChange={(_, data) => change({ ...draft, url: data.value.trim() })}
        />
      </Field>
    </>
  ),
};

/**
 * The services that attend the Inclusion Forums, any of which can own an agreed action. Administrators add, rename
 * and remove them; a new service's id comes from its name and never changes, since plans name the owner by id.
 */
export const Services = (props: Props) => (
  <CountyList {...props} items={props.county.services} of={services} />
);

/** The resources and services a forum's advice can link to: a title and an https address each. */
export const Resources = (props: Props) => (
  <CountyList {...props} items={props.county.resources} of={resources} />
);
