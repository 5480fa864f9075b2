import type { AnswerValue } from './answers.ts';
import type { FlowDefinition, QuestionDefinition } from './definition.ts';

/** One complete route through a section: the answers given, in order, and the outcome they lead to. */
export interface FlowRoute {
  section: string;
  answers: Record<string, AnswerValue>;
  path: string[];
  outcome: string;
}

/** Every answer value that takes `branch` of the question (for a checklist, every combination of ticks). */
export function answersForBranch(question: QuestionDefinition, branch: string): AnswerValue[] {
  switch (question.answer.kind) {
    case 'yesNo':
      return [branch === 'yes'];
    case 'choice':
      return [branch];
    case 'checklist': {
      const items = question.answer.items.map((item) => item.id);
      const combinations = Array.from({ length: 2 ** items.length }, (_, mask) =>
        Object.fromEntries(items.map((item, index) => [item, (mask & (1 << index)) !== 0])),
      );
      const all = (answer: Record<string, boolean>) => items.every((item) => answer[item]);
      return combinations.filter((answer) => (branch === 'all') === all(answer));
    }
  }
}

/** Every route through every section of a flow, following the definition (used to generate tests). */
export function enumerateRoutes(flow: FlowDefinition): FlowRoute[] {
  const routes: FlowRoute[] = [];
  for (const [sectionId, section] of Object.entries(flow.sections)) {
    const walk = (stepId: string, answers: Record<string, AnswerValue>, path: string[]): void => {
      const step = section.steps[stepId];
      const question = flow.questions[stepId];
      if (!step || !question) return;
      for (const [branch, target] of Object.entries(step.on)) {
        for (const value of answersForBranch(question, branch)) {
          const nextAnswers = { ...answers, [stepId]: value };
          const nextPath = [...path, stepId];
          if ('next' in target) walk(target.next, nextAnswers, nextPath);
          else
            routes.push({
              section: sectionId,
              answers: nextAnswers,
              path: nextPath,
              outcome: target.outcome,
            });
        }
      }
    };
    walk(section.start, {}, []);
  }
  return routes;
}
