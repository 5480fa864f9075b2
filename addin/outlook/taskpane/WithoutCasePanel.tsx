import {
  Button,
  Checkbox,
  Field,
  Radio,
  RadioGroup,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { Directory } from '../../../src/directory/directory.ts';
import type { AnswerValue } from '../../../src/flow/answers.ts';
import { interpret } from '../../../src/flow/interpret.ts';
import {
  defaultFlowId,
  expectationHeadings,
  flowIds,
  flows,
  flowSituations,
  flowTextValues,
  type FlowId,
} from '../../../src/flows.ts';
import type { TemplateId } from '../../../src/templates/emailTemplates.ts';
import { emailTemplates } from '../../../src/templates/emailTemplates.ts';
import type { MailHost } from '../office/mailHost.ts';
import { AdvicePanel } from './AdvicePanel.tsx';
import { EmailPanel } from './EmailPanel.tsx';

const useStyles = makeStyles({
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  answers: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/** For a referral not run in Teams: the situation, the same flow answered here, then the email or advice. */
export function WithoutCasePanel({ host, directory }: { host: MailHost; directory: Directory }) {
  const styles = useStyles();
  const [flowId, setFlowId] = useState<FlowId>(defaultFlowId);
  const flow = flows[flowId];
  const sectionIds = Object.keys(flow.sections);
  const single = sectionIds.length === 1 ? sectionIds[0] : undefined;
  const [chosenSection, setSection] = useState<string>('');
  const section = single ?? chosenSection;
  const [answers, setAnswers] = useState<Record<string, AnswerValue>>({});
  const [ticks, setTicks] = useState<Record<string, boolean>>({});
  const [chosen, setChosen] = useState(0);
  const state = section ? interpret(flow, section, answers, flowTextValues(directory)) : undefined;
  const question = state?.status === 'asking' ? flow.questions[state.next] : undefined;
  const answer = (value: AnswerValue) =>
    state?.status === 'asking' && setAnswers({ ...answers, [state.next]: value });
  const emails =
    state?.status === 'decided'
      ? state.effects.flatMap((effect) => (effect.type === 'draftEmail' ? [effect] : []))
      : [];
  const email = emails[chosen];

  return (
    <div className={styles.column}>
      <Field label="Which situation is it?">
        <RadioGroup
          value={flowId}
          onChange={(_, data) => {
            setFlowId(data.value as FlowId);
            setSection('');
            setAnswers({});
            setChosen(0);
          }}
        >
          {flowIds.map((id) => (
            <Radio key={id} value={id} label={flowSituations[id]} />
          ))}
        </RadioGroup>
      </Field>
      {!single && (
        <Field label="What has the school done?">
          <RadioGroup
            value={section}
            onChange={(_, data) => {
              setSection(data.value);
              setAnswers({});
              setChosen(0);
            }}
          >
            {Object.entries(flow.sections).map(([id, item]) => (
              <Radio key={id} value={id} label={`${id}. ${item.description}`} />
            ))}
          </RadioGroup>
        </Field>
      )}
      {state && state.path.length > 0 && (
        <Button appearance="subtle" onClick={() => setAnswers({})}>
          Start the questions again
        </Button>
      )}
      {question && state?.status === 'asking' && (
        <Field label={question.prompt} hint={question.help ?? null}>
          {question.answer.kind === 'checklist' ? (
            <div className={styles.column}>
              {question.answer.items.map((item) => (
                <Checkbox
                  key={item.id}
                  label={item.label}
                  checked={ticks[item.id] === true}
                  onChange={(_, data) => setTicks({ ...ticks, [item.id]: data.checked === true })}
                />
              ))}
              <Button
                onClick={() =>
                  answer(
                    Object.fromEntries(
                      (question.answer.kind === 'checklist' ? question.answer.items : []).map((item) => [
                        item.id,
                        ticks[item.id] === true,
                      ]),
                    ),
                  )
                }
              >
                Save the answer
              </Button>
            </div>
          ) : (
            // Buttons, as on the Teams card: arrowing through a radio group must not answer the question.
            <div className={styles.answers}>
              {(question.answer.kind === 'yesNo'
                ? [
                    { id: 'yes', label: 'Yes' },
                    { id: 'no', label: 'No' },
                  ]
                : question.answer.options
              ).map((option) => (
                <Button
                  key={option.id}
                  onClick={() => answer(question.answer.kind === 'yesNo' ? option.id === 'yes' : option.id)}
                >
                  {option.label}
                </Button>
              ))}
            </div>
          )}
        </Field>
      )}
      {state?.status === 'decided' && (
        <>
          <Text weight="semibold">Outcome: {flow.outcomes[state.outcome]?.label}</Text>
          {flowId === 'countyAddress' ? (
            <AdvicePanel
              key={JSON.stringify(answers)}
              flow={flow}
              state={state}
              answers={answers}
              expectationHeading={expectationHeadings[flowId]}
              directory={directory}
              host={host}
            />
          ) : emails.length === 0 ? (
            <Text>This outcome needs no email.</Text>
          ) : (
            emails.map((item, index) => (
              <Button
                key={`${item.template}-${item.to}`}
                appearance={index === chosen ? 'primary' : 'secondary'}
                aria-pressed={index === chosen}
                onClick={() => setChosen(index)}
              >
                {emailTemplates[item.template as TemplateId].title}
              </Button>
            ))
          )}
          {email && (
            <EmailPanel
              key={`${section}-${JSON.stringify(answers)}-${email.template}`}
              template={email.template as TemplateId}
              to={email.to}
              known={flow.outcomes[state.outcome]?.fieldDefaults ?? {}}
              recipient={
                email.to === 'lps'
                  ? { name: directory.contacts.lps.headSalutation, email: directory.contacts.lps.headEmail }
                  : { name: 'The school’s key link', email: null }
              }
              directory={directory}
              host={host}
            />
          )}
        </>
      )}
    </div>
  );
}
