import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { StageView as StageData } from '../../../src/api/contract.ts';
import type { ApiClient } from '../../shared/api/client.ts';
import { messageOf } from '../../shared/messages.ts';

const useStyles = makeStyles({
  stage: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalXL,
  },
  answered: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** The meeting stage: one case's progress for everyone in the meeting, naming the student by identifier only. */
export function StageView({ api, caseId }: { api: ApiClient; caseId: string }) {
  const styles = useStyles();
  const [view, setView] = useState<StageData | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  useEffect(() => {
    const refresh = () => api.stage(caseId).then(setView, (error: unknown) => setProblem(messageOf(error)));
    void refresh();
    // The stage follows the case as the coordinator answers on the card.
    const timer = setInterval(() => void refresh(), 5000);
    return () => clearInterval(timer);
  }, [api, caseId]);

  if (problem) return <Text>{problem}</Text>;
  if (!view) return <Text>Loading…</Text>;
  return (
    <section className={styles.stage} aria-label="Case on the meeting stage">
      <Text as="h1" size={700} weight="semibold">
        Case {view.student}
      </Text>
      <Text size={400}>{view.section}</Text>
      {view.answered.length > 0 && (
        <ul className={styles.answered}>
          {view.answered.map((item) => (
            <li key={item.question}>
              <Text>
                {item.question} <strong>{item.answer}</strong>
              </Text>
            </li>
          ))}
        </ul>
      )}
      {view.outcome ? (
        <Text size={500} weight="semibold">
          Outcome: {view.outcome}
        </Text>
      ) : (
        <Text size={500}>Now: {view.waitingFor}</Text>
      )}
    </section>
  );
}
