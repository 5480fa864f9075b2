import { Button, Field, Input, MessageBar, MessageBarBody, Switch, Text } from '@fluentui/react-components';
import { useState } from 'react';
import type { PartnershipSettings } from '../../../src/settings/settings.ts';
import { splitProblems } from './problems.ts';
import { useAdminStyles } from './styles.ts';
import type { SaveOutcome } from './useAdminView.ts';

const fields = ['quorum', 'anonymousByDefault', 'sectionDToPanel'];

/**
 * How a partnership's panel votes unless the coordinator chooses otherwise when opening one. The parent gives it
 * a key of the document's version, so a save or someone else's change starts it afresh.
 */
export function VoteSettings({
  partnership,
  save,
}: {
  partnership: PartnershipSettings;
  save: (next: PartnershipSettings, done: string) => Promise<SaveOutcome>;
}) {
  const styles = useAdminStyles();
  const settings = partnership.voteSettings;
  const [quorum, setQuorum] = useState(settings.quorum === null ? '' : String(settings.quorum));
  const [anonymous, setAnonymous] = useState(settings.anonymousByDefault);
  const [sectionD, setSectionD] = useState(settings.sectionDToPanel);
  const [problems, setProblems] = useState(splitProblems({}, '', []));
  const [saving, setSaving] = useState(false);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setSaving(true);
    const outcome = await save(
      {
        ...partnership,
        voteSettings: {
          quorum: quorum.trim() === '' ? null : Number(quorum),
          anonymousByDefault: anonymous,
          sectionDToPanel: sectionD,
        },
      },
      `${partnership.id}’s vote settings are saved.`,
    );
    setSaving(false);
    if (!outcome.saved && !outcome.stale)
      setProblems(splitProblems(outcome.problems, 'voteSettings', fields));
  }

  return (
    <form
      className={styles.column}
      aria-labelledby="votes-heading"
      onSubmit={(event) => void submit(event)}
      noValidate
    >
      <Text as="h2" id="votes-heading" size={400} weight="semibold">
        Vote settings of {partnership.id}
      </Text>
      <Text as="p">The coordinator can still choose otherwise when opening a vote.</Text>
      <Field
        label="Quorum"
        hint="The least number of votes for a result. Leave it empty for none."
        validationMessage={problems.fields.quorum ?? null}
      >
        <Input inputMode="numeric" value={quorum} onChange={(_, data) => setQuorum(data.value)} />
      </Field>
      <Field validationMessage={problems.fields.anonymousByDefault ?? null}>
        <Switch
          label="Votes are anonymous by default"
          checked={anonymous}
          onChange={(_, data) => setAnonymous(data.checked)}
        />
      </Field>
      <Field validationMessage={problems.fields.sectionDToPanel ?? null}>
        <Switch
          label="Put section D’s question to the panel by default"
          checked={sectionD}
          onChange={(_, data) => setSectionD(data.checked)}
        />
      </Field>
      {problems.others.length > 0 && (
        <MessageBar intent="error">
          <MessageBarBody>{problems.others.join(' ')}</MessageBarBody>
        </MessageBar>
      )}
      <Button className={styles.start} appearance="primary" type="submit" disabled={saving}>
        {saving ? 'Saving…' : 'Save the vote settings'}
      </Button>
    </form>
  );
}
