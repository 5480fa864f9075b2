import { Dropdown, Field, Input, Option, Radio, RadioGroup, Spinner } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { SeenPerson } from '../../../src/api/adminContract.ts';
import { messageOf } from '../../shared/messages.ts';
import type { FieldProblems } from './problems.ts';

export interface PersonChoice {
  /** Null for a contact not linked to a Microsoft 365 account (coordinators only). */
  aadObjectId: string | null;
  name: string;
}

type Way = 'seen' | 'id' | 'unlinked';

/**
 * Who a person is: someone the app has seen in the partnership's meeting chats, picked by name; or, if the user
 * chooses, an Entra object id typed in; or (for a coordinator's contact) nobody's account yet.
 */
export function PersonPicker({
  value,
  onChange,
  loadSeen,
  listed,
  allowUnlinked = false,
  problems,
}: {
  value: PersonChoice;
  onChange: (value: PersonChoice) => void;
  loadSeen: () => Promise<SeenPerson[]>;
  /** Object ids already listed, which are not offered again. */
  listed: readonly string[];
  allowUnlinked?: boolean;
  problems: FieldProblems;
}) {
  const [seen, setSeen] = useState<SeenPerson[] | undefined>();
  const [seenProblem, setSeenProblem] = useState<string | undefined>();
  const [way, setWay] = useState<Way>(
    value.aadObjectId ? 'id' : allowUnlinked && value.name ? 'unlinked' : 'seen',
  );
  useEffect(() => {
    loadSeen().then(
      (people) => {
        setSeen(people);
        // Someone already chosen who was seen in a chat is shown by name.
        if (value.aadObjectId && people.some((person) => person.aadObjectId === value.aadObjectId))
          setWay('seen');
      },
      (error: unknown) => setSeenProblem(messageOf(error)),
    );
  }, []); // Loaded once, when the form opens.
  const offered = (seen ?? []).filter(
    (person) => person.aadObjectId === value.aadObjectId || !listed.includes(person.aadObjectId),
  );
  const chosen = offered.find((person) => person.aadObjectId === value.aadObjectId);
  return (
    <>
      <Field label="Who">
        <RadioGroup
          value={way}
          onChange={(_, data) => {
            const next = data.value as Way;
            setWay(next);
            if (next === 'unlinked') onChange({ ...value, aadObjectId: null });
            if (next === 'seen') onChange({ aadObjectId: null, name: '' });
          }}
        >
          <Radio value="seen" label="Someone the app has seen in a meeting chat" />
          <Radio value="id" label="Someone else: type their Entra object id" />
          {allowUnlinked && (
            <Radio value="unlinked" label="A contact without a Microsoft 365 account here (no access)" />
          )}
        </RadioGroup>
      </Field>
      {way === 'seen' && (
        <Field
          label="Person"
          required
          validationMessage={seenProblem ?? problems.aadObjectId ?? null}
          hint={
            seen && offered.length === 0
              ? 'Nobody else has been seen in this partnership’s meeting chats yet: type their object id instead.'
              : null
          }
        >
          {seen ? (
            <Dropdown
              placeholder="Choose a person"
              value={chosen?.name ?? ''}
              selectedOptions={chosen ? [chosen.aadObjectId] : []}
              onOptionSelect={(_, data) => {
                const person = offered.find((item) => item.aadObjectId === data.optionValue);
                if (person) onChange({ aadObjectId: person.aadObjectId, name: person.name });
              }}
            >
              {offered.map((person) => (
                <Option key={person.aadObjectId} value={person.aadObjectId}>
                  {person.name}
                </Option>
              ))}
            </Dropdown>
          ) : (
            !seenProblem && <Spinner size="tiny" label="Loading the people seen…" />
          )}
        </Field>
      )}
      {way === 'id' && (
        <Field
          label="Entra object id"
          required
          hint="In the Microsoft Entra admin centre: Users, then the person’s Object ID."
          validationMessage={problems.aadObjectId ?? null}
        >
          <Input
            value={value.aadObjectId ?? ''}
            onChange={(_, data) => onChange({ ...value, aadObjectId: data.value })}
          />
        </Field>
      )}
      <Field label="Name" required validationMessage={problems.name ?? null}>
        <Input value={value.name} onChange={(_, data) => onChange({ ...value, name: data.value })} />
      </Field>
    </>
  );
}
