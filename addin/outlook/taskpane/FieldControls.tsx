import {
  Dropdown,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Option,
  Radio,
  RadioGroup,
  Switch,
} from '@fluentui/react-components';
import type { Directory } from '../../../src/directory/directory.ts';
import {
  attendees,
  fieldLabels,
  meetingTypeLabels,
  meetingTypes,
  partnershipIds,
  passportActions,
  pspMeetingLongLabels,
  pspMeetings,
  type FieldId,
} from '../../../src/templates/fields.ts';
import { NO_ACTION_PLAN } from './caseEmail.ts';

export type FieldValues = Partial<Record<FieldId, string | boolean>>;

/** Props that mark a Field as in error, or nothing. */
export function validation(
  message: string | undefined,
): { validationMessage: string; validationState: 'error' } | Record<string, never> {
  return message ? { validationMessage: message, validationState: 'error' } : {};
}

interface Props {
  field: FieldId;
  values: FieldValues;
  onChange: (field: FieldId, value: string | boolean | undefined) => void;
  directory: Directory;
  problem?: string | undefined;
  optional?: boolean;
}

/**
 * The control that fits each template field: choices for the enums, a date, switches for optional words. The
 * action plan has no control: without one, the pane says where to record it.
 */
export function FieldControl({ field, values, onChange, directory, problem, optional }: Props) {
  const label = `${fieldLabels[field]}${optional ? ' (optional)' : ''}`;
  const text = typeof values[field] === 'string' ? (values[field] as string) : '';
  const set = (value: string | boolean | undefined) => onChange(field, value === '' ? undefined : value);

  switch (field) {
    case 'lpsPreviouslyInvolved':
    case 'needsNotMetInFull':
    case 'furtherReferral':
      return (
        <Switch
          label={
            field === 'lpsPreviouslyInvolved'
              ? 'Say the LPS was involved at the PSP2b meeting'
              : field === 'needsNotMetInFull'
                ? 'Say the needs cannot be met “in full”'
                : 'Open with the further referral (the school has done everything in section B), not a permanent exclusion'
          }
          checked={values[field] === true}
          onChange={(_, data) => set(data.checked)}
        />
      );
    case 'meetingType':
    case 'partnership': {
      const options: [string, string][] =
        field === 'meetingType'
          ? meetingTypes.map((id) => [id, meetingTypeLabels[id]])
          : partnershipIds.map((id) => [
              id,
              `${id} – ${directory.partnerships.find((p) => p.id === id)?.name ?? id}`,
            ]);
      const selected = options.find(([id]) => id === text);
      return (
        <Field label={label} {...validation(problem)}>
          <Dropdown
            value={selected?.[1] ?? ''}
            selectedOptions={selected ? [selected[0]] : []}
            onOptionSelect={(_, data) => set(data.optionValue)}
            placeholder="Choose…"
          >
            {options.map(([id, title]) => (
              <Option key={id} value={id}>
                {title}
              </Option>
            ))}
          </Dropdown>
        </Field>
      );
    }
    case 'pspMeeting':
    case 'passportAction':
    case 'attendee': {
      const options: [string, string][] =
        field === 'pspMeeting'
          ? pspMeetings.map((id) => [id, pspMeetingLongLabels[id]])
          : field === 'passportAction'
            ? passportActions.map((id) => [
                id,
                id === 'complete' ? 'Complete the Information Passport' : 'Update the Information Passport',
              ])
            : attendees.map((id) => [id, id === 'I' ? 'I will join' : 'One of my team will join']);
      return (
        <Field label={label} {...validation(problem)}>
          <RadioGroup value={text} onChange={(_, data) => set(data.value)}>
            {options.map(([id, title]) => (
              <Radio key={id} value={id} label={title} />
            ))}
          </RadioGroup>
        </Field>
      );
    }
    case 'actionPlan':
      // A structured field, recorded on the case card in the meeting: never typed here.
      return (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>No action plan yet</MessageBarTitle>
            {NO_ACTION_PLAN}
          </MessageBarBody>
        </MessageBar>
      );
    case 'meetingDate':
      return (
        <Field label={label} {...validation(problem)}>
          <Input type="date" value={text} onChange={(_, data) => set(data.value)} />
        </Field>
      );
    default:
      return (
        <Field label={label} {...validation(problem)}>
          <Input
            value={text}
            onChange={(_, data) => set(data.value)}
            maxLength={field === 'student' ? 60 : 120}
          />
        </Field>
      );
  }
}
