import type { CaseRecord } from '../cases/case.ts';
import { caseEmails } from '../cases/case.ts';
import type { Directory, VoteSettings } from '../directory/directory.ts';
import { answerLabel, type AnswerValue } from '../flow/answers.ts';
import type { FlowDefinition, QuestionDefinition } from '../flow/definition.ts';
import type { FlowState } from '../flow/interpret.ts';
import { emailTemplates } from '../templates/emailTemplates.ts';
import { meetingTypeLabels, meetingTypes, partnershipIds } from '../templates/fields.ts';
import { formatDateTime, formatLongDate, parseIsoDate } from '../text/dates.ts';
import { CHECKLIST_INPUT_PREFIX } from './actions.ts';
import {
  actionSet,
  bullets,
  card,
  execute,
  facts,
  heading,
  md,
  notice,
  subheading,
  text,
  type AdaptiveCard,
  type CardElement,
} from './adaptive.ts';

/** What a card may say above its content: a refusal, an error to fix, or a confirmation. */
export interface Notice {
  message: string;
  tone: 'attention' | 'good' | 'warning';
}

const noticeBlock = (value?: Notice) => (value ? [notice(value.message, value.tone)] : []);

const longDate = (iso: string | undefined) => {
  const date = iso ? parseIsoDate(iso) : undefined;
  return date ? formatLongDate(date) : undefined;
};

export function welcomeCard(): AdaptiveCard {
  return card(
    [
      heading('Inclusion Partnerships'),
      text(
        'I run the coordinators’ flow chart for city-address students in county schools, one case at a time: what the school should do, what to expect from the City, and which emails to send.',
      ),
      text(
        'Coordinators start cases and answer the questions; panel members vote on the decisions that are theirs. Students are named only by initials or a reference, never their full name.',
      ),
      text(
        'Type **start** to begin a case, **cases** to list this meeting’s cases, or **help** to see this again.',
        { isSubtle: true },
      ),
    ],
    [execute('case.new', 'Start a case', {}, 'positive'), execute('case.list', 'Cases in this meeting')],
  );
}

export interface NewCaseDefaults {
  partnership?: string;
  schoolId?: string;
  keyLinkName?: string;
  keyLinkEmail?: string;
  student?: string;
  meetingType?: string;
  meetingDate?: string;
  section?: string;
}

export function newCaseCard(
  directory: Directory,
  flow: FlowDefinition,
  defaults: NewCaseDefaults = {},
  problem?: Notice,
): AdaptiveCard {
  const value = (key: keyof NewCaseDefaults) => (defaults[key] ? { value: defaults[key] } : {});
  const schools = directory.partnerships.flatMap((partnership) =>
    partnership.schools.map((school) => ({ title: `${school.name} (${partnership.id})`, value: school.id })),
  );
  return card(
    [
      heading('Start a case'),
      ...noticeBlock(problem),
      {
        type: 'Input.ChoiceSet',
        id: 'partnership',
        label: 'Partnership',
        isRequired: true,
        errorMessage: 'Choose the partnership.',
        choices: partnershipIds.map((id) => ({
          title: `${id} – ${directory.partnerships.find((p) => p.id === id)?.name ?? id}`,
          value: id,
        })),
        ...value('partnership'),
      },
      {
        type: 'Input.ChoiceSet',
        id: 'schoolId',
        label: 'School',
        style: 'filtered',
        isRequired: true,
        errorMessage: 'Choose the school from the list.',
        choices: schools,
        ...value('schoolId'),
      },
      {
        type: 'Input.Text',
        id: 'keyLinkName',
        label: 'The school’s key link for this case',
        maxLength: 100,
        ...value('keyLinkName'),
      },
      {
        type: 'Input.Text',
        id: 'keyLinkEmail',
        label: 'The key link’s email (for the email to the school)',
        style: 'Email',
        maxLength: 254,
        ...value('keyLinkEmail'),
      },
      {
        type: 'Input.Text',
        id: 'student',
        label: 'Student identifier',
        placeholder: 'Initials or a reference, e.g. JS-2291',
        isRequired: true,
        errorMessage: 'Give initials or a reference.',
        maxLength: 60,
        ...value('student'),
      },
      text('Never the student’s full name: initials or a reference only.', {
        isSubtle: true,
        size: 'Small',
        spacing: 'None',
      }),
      {
        type: 'Input.ChoiceSet',
        id: 'meetingType',
        label: 'Meeting',
        choices: meetingTypes.map((type) => ({ title: meetingTypeLabels[type], value: type })),
        ...value('meetingType'),
      },
      { type: 'Input.Date', id: 'meetingDate', label: 'Date of the meeting', ...value('meetingDate') },
      {
        type: 'Input.ChoiceSet',
        id: 'section',
        label: 'What has the school done?',
        style: 'expanded',
        isRequired: true,
        errorMessage: 'Choose what the school has done.',
        choices: Object.entries(flow.sections).map(([id, section]) => ({
          title: `${id}. ${section.description}`,
          value: id,
        })),
        ...value('section'),
      },
    ],
    [execute('case.start', 'Start', {}, 'positive')],
  );
}

function caseFacts(record: CaseRecord, directory: Directory, flow: FlowDefinition): CardElement {
  const school = directory.partnerships
    .flatMap((p) => p.schools)
    .find((candidate) => candidate.id === record.schoolId);
  const meeting = [
    record.fields.meetingType ? meetingTypeLabels[record.fields.meetingType] : undefined,
    longDate(record.fields.meetingDate),
  ]
    .filter(Boolean)
    .join(', ');
  return facts([
    ['School', md(`${school?.name ?? record.schoolId} (${record.partnership})`)],
    ['Section', md(flow.sections[record.section]?.label ?? record.section)],
    ...(meeting ? [['Meeting', meeting] as const] : []),
    ...(record.fields.keyLinkName ? [['Key link', md(record.fields.keyLinkName)] as const] : []),
  ]);
}

function answerControls(record: CaseRecord, questionId: string, question: QuestionDefinition): CardElement[] {
  const data = (value: AnswerValue) => ({ caseId: record.id, question: questionId, value });
  switch (question.answer.kind) {
    case 'yesNo':
      return [
        actionSet([execute('case.answer', 'Yes', data(true)), execute('case.answer', 'No', data(false))]),
      ];
    case 'choice':
      return [
        actionSet(
          question.answer.options.map((option) => execute('case.answer', option.label, data(option.id))),
        ),
      ];
    case 'checklist': {
      const current = record.answers[questionId];
      return [
        ...question.answer.items.map((item) => ({
          type: 'Input.Toggle',
          id: `${CHECKLIST_INPUT_PREFIX}${item.id}`,
          title: item.label,
          valueOn: 'true',
          valueOff: 'false',
          value: typeof current === 'object' && current[item.id] === true ? 'true' : 'false',
        })),
        actionSet([
          execute('case.answer', 'Save the answer', { caseId: record.id, question: questionId }, 'positive'),
        ]),
      ];
    }
  }
}

export interface CaseCardOptions {
  notice?: Notice;
  /** The LPS head and the key link, named beside the emails to draft. */
  directory: Directory;
  /** The partnership's vote settings: what a vote opened from this card is unless the coordinator changes it. */
  voteDefaults?: VoteSettings;
}

const noVoteDefaults: VoteSettings = { quorum: null, anonymousByDefault: false, sectionDToPanel: true };

/** The card of a case: where it stands in the flow, the question to answer, or the outcome. */
export function caseCard(
  record: CaseRecord,
  state: FlowState,
  flow: FlowDefinition,
  options: CaseCardOptions,
): AdaptiveCard {
  const { directory } = options;
  const voteDefaults = options.voteDefaults ?? noVoteDefaults;
  const body: CardElement[] = [
    heading(`Case ${md(record.student)}`),
    ...noticeBlock(options.notice),
    caseFacts(record, directory, flow),
  ];

  if (state.path.length > 0) {
    body.push(subheading('Answers so far'));
    for (const questionId of state.path) {
      const question = flow.questions[questionId];
      if (!question) continue;
      body.push({
        type: 'ColumnSet',
        columns: [
          {
            type: 'Column',
            width: 'stretch',
            items: [
              text(
                `${question.prompt} **${answerLabel(question, record.answers[questionId])}**${record.prefilled.includes(questionId) ? ' (from the directory)' : ''}`,
              ),
            ],
          },
          {
            type: 'Column',
            width: 'auto',
            items: [
              actionSet([execute('case.change', 'Change', { caseId: record.id, question: questionId })]),
            ],
          },
        ],
      });
    }
  }

  if (state.status === 'asking') {
    const question = flow.questions[state.next];
    if (question) {
      body.push(subheading(question.prompt));
      if (question.help) body.push(text(question.help, { isSubtle: true }));
      if (question.decidedBy === 'panelVote') {
        body.push(
          text(
            voteDefaults.sectionDToPanel
              ? 'This is the panel’s decision: put it to a vote, or record the panel’s answer.'
              : 'The partnership records this answer itself; it can still put it to the panel.',
          ),
        );
        body.push(
          {
            type: 'Input.Toggle',
            id: 'anonymous',
            wrap: true,
            title:
              'Anonymous vote: nobody sees who voted or what they chose, only how many have voted until it closes',
            valueOn: 'true',
            valueOff: 'false',
            value: voteDefaults.anonymousByDefault ? 'true' : 'false',
          },
          {
            type: 'Input.Toggle',
            id: 'resultsHidden',
            wrap: true,
            title: 'Hide the results until the vote is closed (the names of those who have voted still show)',
            valueOn: 'true',
            valueOff: 'false',
            value: 'false',
          },
          {
            type: 'Input.Number',
            id: 'quorum',
            label: 'Quorum (optional): the least number of votes for a result',
            min: 1,
            max: 500,
            ...(voteDefaults.quorum !== null ? { value: voteDefaults.quorum } : {}),
          },
          actionSet([
            execute(
              'vote.open',
              'Put it to the panel',
              { caseId: record.id, question: state.next },
              'positive',
            ),
          ]),
        );
      }
      body.push(...answerControls(record, state.next, question));
    }
  } else {
    const outcome = flow.outcomes[state.outcome];
    body.push(notice(`Outcome: ${outcome?.label ?? state.outcome}`, 'good'));
    body.push(subheading('Our actions'), bullets(state.actions));
    if (state.cityExpectation)
      body.push(subheading('What to expect from the City'), text(state.cityExpectation));
    if (state.followUps.length > 0) body.push(subheading('Follow-ups'), bullets(state.followUps));
    const emails = caseEmails(state, record);
    if (emails.length > 0) {
      const keyLink = record.fields.keyLinkName ? ` (${md(record.fields.keyLinkName)})` : '';
      body.push(
        subheading('Emails to draft'),
        bullets(
          emails.map((email) =>
            email.to === 'school'
              ? `${emailTemplates[email.template].title} – to the school’s key link${keyLink}`
              : `${emailTemplates[email.template].title} – to the LPS (${md(directory.contacts.lps.headSalutation)})`,
          ),
        ),
        text('Draft them in Outlook with the Inclusion Partnerships add-in: it fills them from this case.', {
          isSubtle: true,
        }),
      );
    }
  }

  return card(body, [
    execute('case.history', 'History', { caseId: record.id }),
    execute('vote.open', 'Core Group vote', {
      caseId: record.id,
      question: 'coreGroupDecision',
      anonymous: voteDefaults.anonymousByDefault,
      ...(voteDefaults.quorum !== null ? { quorum: String(voteDefaults.quorum) } : {}),
    }),
    execute('case.list', 'Cases in this meeting'),
  ]);
}

export interface CaseSummary {
  record: CaseRecord;
  state: FlowState;
}

export function caseListCard(
  cases: readonly CaseSummary[],
  flow: FlowDefinition,
  directory: Directory,
  title = 'Cases in this meeting',
): AdaptiveCard {
  const schoolName = (id: string) =>
    directory.partnerships.flatMap((p) => p.schools).find((school) => school.id === id)?.name ?? id;
  const body: CardElement[] = [heading(title)];
  if (cases.length === 0) body.push(text('No cases yet. Start one with the button below.'));
  for (const { record, state } of cases) {
    const where =
      state.status === 'decided'
        ? `Outcome: ${flow.outcomes[state.outcome]?.label ?? state.outcome}`
        : `Waiting for: ${flow.questions[state.next]?.prompt ?? state.next}`;
    body.push({
      type: 'ColumnSet',
      separator: true,
      columns: [
        {
          type: 'Column',
          width: 'stretch',
          items: [
            text(
              `**${md(record.student)}** · ${md(schoolName(record.schoolId))} · section ${record.section}`,
            ),
            text(where, { isSubtle: true, spacing: 'None' }),
          ],
        },
        {
          type: 'Column',
          width: 'auto',
          items: [actionSet([execute('case.show', 'Open', { caseId: record.id })])],
        },
      ],
    });
  }
  return card(body, [execute('case.new', 'Start a case', {}, 'positive')]);
}

export interface HistoryLine {
  at: Date;
  actorName: string | null;
  text: string;
  flowVersion: string;
}

export function historyCard(record: CaseRecord, lines: readonly HistoryLine[]): AdaptiveCard {
  return card(
    [
      heading(`History of case ${md(record.student)}`),
      ...lines.map((line) => ({
        type: 'Container',
        separator: true,
        items: [
          text(`${formatDateTime(line.at)} · ${md(line.actorName ?? 'The app')}`, {
            isSubtle: true,
            size: 'Small',
          }),
          text(line.text, { spacing: 'None' }),
        ],
      })),
      text(`Decided under the flow version ${record.flowVersion}.`, { isSubtle: true, size: 'Small' }),
    ],
    [execute('case.show', 'Back to the case', { caseId: record.id })],
  );
}
