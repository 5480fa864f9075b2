import { Field, Radio, RadioGroup, Text } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { SavedTab } from '../teamsHost.ts';

/**
 * The configurable tab's settings page. Teams allows an app one configurable tab, so it offers both pages: a
 * meeting's cases (in a meeting or chat, where cases are kept) and the Administration page (anywhere).
 */
export function TabSettings({
  origin,
  inChat,
  onSave,
}: {
  origin: string;
  inChat: boolean;
  onSave: (tab: () => SavedTab) => void;
}) {
  const [choice, setChoice] = useState<'cases' | 'admin'>(inChat ? 'cases' : 'admin');
  useEffect(
    () =>
      onSave(() =>
        choice === 'cases'
          ? {
              contentUrl: `${origin}/addin/sidepanel.html`,
              entityId: 'inclusion-partnerships-cases',
              displayName: 'Cases',
            }
          : {
              contentUrl: `${origin}/addin/admin.html`,
              entityId: 'inclusion-partnerships-admin',
              displayName: 'Administration',
            },
      ),
    [choice, onSave, origin],
  );
  return (
    <>
      <Field label="What should this tab show?">
        <RadioGroup value={choice} onChange={(_, data) => setChoice(data.value as 'cases' | 'admin')}>
          <Radio value="cases" disabled={!inChat} label="This meeting’s cases, in the side panel" />
          <Radio value="admin" label="Administration: people, panels, schools, vote settings and contacts" />
        </RadioGroup>
      </Field>
      {!inChat && <Text>A meeting’s cases can only be shown in a meeting or its chat.</Text>}
      <Text>Press Save.</Text>
    </>
  );
}
