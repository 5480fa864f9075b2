import type { FlowDefinition, QuestionDefinition } from './definition.ts';

/** Mermaid needs quotes inside labels written as an entity. */
const label = (text: string) => `"${text.replace(/"/g, '#quot;')}"`;
const nodeId = (...parts: string[]) => parts.join('_').replace(/[^A-Za-z0-9_]/g, '_');

function branchLabel(question: QuestionDefinition, branch: string): string {
  switch (question.answer.kind) {
    case 'yesNo':
      return branch === 'yes' ? 'Yes' : 'No';
    case 'checklist':
      return branch === 'all' ? 'All done' : 'Not all done';
    case 'choice':
      return question.answer.options.find((option) => option.id === branch)?.label ?? branch;
  }
}

/** A Mermaid flowchart of a flow definition: sections, their questions, and each outcome with its emails. */
export function flowToMermaid(flow: FlowDefinition): string {
  const lines = ['flowchart TD'];
  for (const [sectionId, section] of Object.entries(flow.sections)) {
    lines.push(
      `  ${nodeId('section', sectionId)}[${label(section.label)}] --> ${nodeId(sectionId, section.start)}`,
    );
    for (const [questionId, step] of Object.entries(section.steps)) {
      const question = flow.questions[questionId];
      if (!question) continue;
      lines.push(`  ${nodeId(sectionId, questionId)}{${label(question.prompt)}}`);
      for (const [branch, target] of Object.entries(step.on)) {
        const to = 'next' in target ? nodeId(sectionId, target.next) : nodeId('outcome', target.outcome);
        lines.push(`  ${nodeId(sectionId, questionId)} -->|${label(branchLabel(question, branch))}| ${to}`);
      }
    }
  }
  for (const [outcomeId, outcome] of Object.entries(flow.outcomes)) {
    const emails = outcome.emails.map(
      (email) => `${email.template} to ${email.to === 'lps' ? 'LPS' : 'school'}`,
    );
    const text = `${outcomeId}: ${outcome.label}${emails.length > 0 ? `<br/>Emails: ${emails.join(', ')}` : ''}`;
    lines.push(`  ${nodeId('outcome', outcomeId)}([${label(text)}])`);
  }
  return lines.join('\n');
}
