import {
  Button,
  Dropdown,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Option,
  Text,
  Textarea,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { CountySettings } from '../../../src/settings/settings.ts';
import { splitProblems } from './problems.ts';
import { useAdminStyles } from './styles.ts';
import type { SaveOutcome } from './useAdminView.ts';

type Contacts = CountySettings['contacts'];
type Links = CountySettings['links'];

const linkLabels: Record<keyof Links, string> = {
  website: 'The SEIPs’ website',
  apLists: 'Alternative provision lists',
  inclusionForums: 'Inclusion Forums',
  makingAReferral: 'Making a referral',
  aboutUs: 'About us',
};

const fields = [
  'contacts.lps.name',
  'contacts.lps.headSalutation',
  'contacts.lps.headEmail',
  'contacts.lps.referralEmail',
  'contacts.cityBap.name',
  'contacts.cityBap.contactName',
  'contacts.cityBap.contactPossessive',
  'contacts.cityBap.email',
  'contacts.sena.name',
  'contacts.sena.email',
  ...Object.keys(linkLabels).map((key) => `links.${key}`),
  'allowedRecipientDomains',
];

/**
 * The County-wide contacts (the LPS, the City BAP, SENA), the web links and the usual email domains: read by
 * everyone here, changed by administrators. Keyed by those parts of the document, so a save or someone else's
 * change starts it afresh, but saving a service or a resource below does not lose what is typed here.
 */
export function County({
  county,
  mayChange,
  save,
}: {
  county: CountySettings;
  mayChange: boolean;
  save: (next: CountySettings, done: string) => Promise<SaveOutcome>;
}) {
  const styles = useAdminStyles();
  const [draft, setDraft] = useState(county);
  const [domains, setDomains] = useState(county.allowedRecipientDomains.join('\n'));
  const [problems, setProblems] = useState(splitProblems({}, '', []));
  const [saving, setSaving] = useState(false);
  const contact = <K extends keyof Contacts>(key: K, change: Partial<Contacts[K]>) =>
    setDraft({ ...draft, contacts: { ...draft.contacts, [key]: { ...draft.contacts[key], ...change } } });
  const problem = (path: string) => problems.fields[path] ?? null;

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setSaving(true);
    const allowedRecipientDomains = domains
      .split(/[\s,]+/)
      .map((domain) => domain.trim().toLowerCase())
      .filter(Boolean);
    // Only this form's parts: the services and resources may have been saved since it opened.
    const outcome = await save(
      { ...county, contacts: draft.contacts, links: draft.links, allowedRecipientDomains },
      'The County contacts are saved.',
    );
    setSaving(false);
    const lines = allowedRecipientDomains.map((_, index) => `allowedRecipientDomains.${index}`);
    if (!outcome.saved && !outcome.stale)
      setProblems(splitProblems(outcome.problems, '', [...fields, ...lines]));
  }

  const { lps, cityBap, sena } = draft.contacts;
  return (
    <form
      className={styles.column}
      aria-labelledby="county-heading"
      onSubmit={(event) => void submit(event)}
      noValidate
    >
      <Text as="h2" id="county-heading" size={400} weight="semibold">
        County contacts
      </Text>
      {!mayChange && (
        <MessageBar intent="info">
          <MessageBarBody>Only an administrator can change the County contacts.</MessageBarBody>
        </MessageBar>
      )}
      <fieldset className={styles.fieldset} disabled={!mayChange}>
        <legend>Leicester Partnership School (LPS): templates 3 and 4</legend>
        <Field label="Name" validationMessage={problem('contacts.lps.name')}>
          <Input value={lps.name} onChange={(_, data) => contact('lps', { name: data.value })} />
        </Field>
        <Field
          label="How the head is addressed"
          hint="For example Mr Whittingham."
          validationMessage={problem('contacts.lps.headSalutation')}
        >
          <Input
            value={lps.headSalutation}
            onChange={(_, data) => contact('lps', { headSalutation: data.value })}
          />
        </Field>
        <Field
          label="Head’s email"
          hint="Where templates 3 and 4 go."
          validationMessage={problem('contacts.lps.headEmail')}
        >
          <Input
            type="email"
            value={lps.headEmail ?? ''}
            onChange={(_, data) => contact('lps', { headEmail: data.value.trim() || null })}
          />
        </Field>
        <Field
          label="Referral email"
          hint="Schools are told to write to it in template 1."
          validationMessage={problem('contacts.lps.referralEmail')}
        >
          <Input
            type="email"
            value={lps.referralEmail}
            onChange={(_, data) => contact('lps', { referralEmail: data.value.trim() })}
          />
        </Field>
      </fieldset>
      <fieldset className={styles.fieldset} disabled={!mayChange}>
        <legend>City Behaviour and Attendance Partnership (City BAP)</legend>
        <Field label="Name" validationMessage={problem('contacts.cityBap.name')}>
          <Input value={cityBap.name} onChange={(_, data) => contact('cityBap', { name: data.value })} />
        </Field>
        <Field label="Contact’s name" validationMessage={problem('contacts.cityBap.contactName')}>
          <Input
            value={cityBap.contactName}
            onChange={(_, data) => contact('cityBap', { contactName: data.value })}
          />
        </Field>
        <Field
          label="Template 1 says “… contact is”"
          validationMessage={problem('contacts.cityBap.contactPossessive')}
        >
          <Dropdown
            disabled={!mayChange}
            value={cityBap.contactPossessive}
            selectedOptions={[cityBap.contactPossessive]}
            onOptionSelect={(_, data) =>
              contact('cityBap', { contactPossessive: data.optionValue as 'Her' | 'His' | 'Their' })
            }
          >
            <Option>Her</Option>
            <Option>His</Option>
            <Option>Their</Option>
          </Dropdown>
        </Field>
        <Field label="Email" validationMessage={problem('contacts.cityBap.email')}>
          <Input
            type="email"
            value={cityBap.email}
            onChange={(_, data) => contact('cityBap', { email: data.value.trim() })}
          />
        </Field>
      </fieldset>
      <fieldset className={styles.fieldset} disabled={!mayChange}>
        <legend>Special Educational Needs Assessment (SENA)</legend>
        <Field label="Name" validationMessage={problem('contacts.sena.name')}>
          <Input value={sena.name} onChange={(_, data) => contact('sena', { name: data.value })} />
        </Field>
        <Field label="Email" validationMessage={problem('contacts.sena.email')}>
          <Input
            type="email"
            value={sena.email}
            onChange={(_, data) => contact('sena', { email: data.value.trim() })}
          />
        </Field>
      </fieldset>
      <fieldset className={styles.fieldset} disabled={!mayChange}>
        <legend>Web links</legend>
        {(Object.keys(linkLabels) as (keyof Links)[]).map((key) => (
          <Field key={key} label={linkLabels[key]} validationMessage={problem(`links.${key}`)}>
            <Input
              type="url"
              value={draft.links[key]}
              onChange={(_, data) =>
                setDraft({ ...draft, links: { ...draft.links, [key]: data.value.trim() } })
              }
            />
          </Field>
        ))}
      </fieldset>
      <Field
        label="Usual email domains"
        hint="One a line. The add-in warns before an email goes to any other domain."
        validationMessage={
          problem('allowedRecipientDomains') ??
          (Object.entries(problems.fields)
            .filter(([path]) => path.startsWith('allowedRecipientDomains.'))
            .map(([path, message]) => `Domain ${Number(path.split('.')[1]) + 1}: ${message}`)
            .join(' ') ||
            null)
        }
      >
        <Textarea
          disabled={!mayChange}
          value={domains}
          onChange={(_, data) => setDomains(data.value)}
          resize="vertical"
        />
      </Field>
      {problems.others.length > 0 && (
        <MessageBar intent="error">
          <MessageBarBody>{problems.others.join(' ')}</MessageBarBody>
        </MessageBar>
      )}
      {mayChange && (
        <Button className={styles.start} appearance="primary" type="submit" disabled={saving}>
          {saving ? 'Saving…' : 'Save the County contacts'}
        </Button>
      )}
    </form>
  );
}
