import { caseEmails, caseStanding, studentLabel, type CaseRecord } from '../cases/case.ts';
import type { Directory, VoteSettings } from '../directory/directory.ts';
import { answerLabel, type AnswerValue } from '../flow/answers.ts';
import type { FlowDefinition, QuestionDefinition } from '../flow/definition.ts';
import type { FlowState } from '../flow/interpret.ts';
import { emailTemplates } from '../templates/emailTemplates.ts';
import { meetingTypeLabels, meetingTypes, partnershipIds } from '../templates/fields.ts';
import { formatDateTime, formatLongDate, parseIsoDate } from '../text/dates.ts';
import { defaultFlowId, expectationHeadings, flowIds, flowSituations, isFlowId } from '../flows.ts';
import { homePartnership, type HomePartnership } from '../cases/homePartnership.ts';
import { initialismsIn } from '../text/initialisms.ts';
import { CHECKLIST_INPUT_PREFIX } from './actions.ts';
import { planSection } from './planCards.ts';
import { withNoticeBeside, type Notice } from './notices.ts';
import {
  actionSet,
  bullets,
  card,
  execute,
  facts,
  heading,
  listRow,
  md,
  notice,
  subheading,
  text,
  type AdaptiveCard,
  type CardElement,
} from './adaptive.ts';

export type { Notice };

const noticeBlock = (value?: Notice) => (value ? [notice(value.message, value.tone)] : []);

const longDate = (iso: string | undefined) => {
  const date = iso ? parseIsoDate(iso) : undefined;
  return date ? formatLongDate(date) : undefined;
};

/** The Start card's choice of partnership, each named in full. */
function partnershipChoice(directory: Directory, label: string, chosen: { value?: string }): CardElement {
  return {
    type: 'Input.ChoiceSet',
    id: 'partnership',
    label,
    isRequired: true,
    errorMessage: 'Choose the partnership.',
    choices: partnershipIds.map((id) => ({
      title: `${id} – ${directory.partnerships.find((p) => p.id === id)?.name ?? id}`,
      value: id,
    })),
    ...chosen,
  };
}

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
  /** The City school, in the county-address flow (City schools are not in the directory). */
  schoolName?: string;
  /** The partnerships the coordinator coordinates: only their schools are offered (grouped when several). */
  coordinates?: readonly string[];
  keyLinkName?: string;
  keyLinkEmail?: string;
  student?: string;
  meetingType?: string;
  meetingDate?: string;
  section?: string;
  /** "given" or "notGiven": whether the parents consented to the case being discussed. */
  consent?: string;
}

/**
 * The parents' consent (seed 002: anonymous cases can be discussed if parental consent has not been given).
 * Without it, the case is anonymous and named by a reference only.
 */
const consentInput = (chosen: { value?: string }): CardElement => ({
  type: 'Input.ChoiceSet',
  id: 'consent',
  label: 'Parental consent',
  style: 'expanded',
  choices: [
    { title: 'Given: the case can be discussed with initials', value: 'given' },
    { title: 'Not given: an anonymous case, named by a reference only', value: 'notGiven' },
  ],
  value: chosen.value ?? 'given',
});

/** Start a case, first step: which situation it is, so the right flow runs. */
export function situationCard(problem?: Notice): AdaptiveCard {
  return card(
    [
      heading('Start a case'),
      ...noticeBlock(problem),
      text('Which situation is it?'),
      actionSet(
        flowIds.map((id) =>
          execute(
            'case.new',
            flowSituations[id],
            { flow: id },
            id === defaultFlowId ? 'positive' : undefined,
          ),
        ),
      ),
      text(
        'A City-address student in a county school: the coordinators’ flow chart (sections A to D). A county-address child in a City school: the partnership for the district where the child lives.',
        { isSubtle: true, size: 'Small' },
      ),
    ],
    [],
  );
}

export function newCaseCard(
  directory: Directory,
  flow: FlowDefinition,
  defaults: NewCaseDefaults = {},
  problem?: Notice,
): AdaptiveCard {
  const value = (key: Exclude<keyof NewCaseDefaults, 'coordinates'>) =>
    defaults[key] ? { value: defaults[key] } : {};
  if (flow.id === 'countyAddress') return newCountyCaseCard(directory, flow, value, problem);
  // The coordinator's own partnership's schools; grouped by partnership (and named with it) when they
  // coordinate several; every school only for someone who coordinates none (they cannot start a case anyway).
  const own = directory.partnerships.filter((partnership) => defaults.coordinates?.includes(partnership.id));
  const offered = own.length > 0 ? own : directory.partnerships;
  const schools = offered.flatMap((partnership) =>
    partnership.schools.map((school) => ({
      title: offered.length > 1 ? `${partnership.id} – ${school.name}` : school.name,
      value: school.id,
    })),
  );
  return card(
    withNoticeBeside(
      [
        heading('Start a case'),
        partnershipChoice(directory, 'Partnership', value('partnership')),
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
        consentInput(value('consent')),
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
          choices: Object.entries(flow.sections).flatMap(([id, section]) =>
            section.routes
              ? section.routes.map((route) => ({ title: `${id}. ${route.description}`, value: route.id }))
              : [{ title: `${id}. ${section.description}`, value: id }],
          ),
          ...value('section'),
        },
      ],
      problem,
    ),
    [execute('case.start', 'Start', { flow: flow.id }, 'positive')],
  );
}

/** The county-address flow's start: the coordinator's partnership, the City school by name, the child. */
function newCountyCaseCard(
  directory: Directory,
  flow: FlowDefinition,
  value: (key: Exclude<keyof NewCaseDefaults, 'coordinates'>) => { value?: string },
  problem?: Notice,
): AdaptiveCard {
  return card(
    withNoticeBeside(
      [
        heading('Start a case'),
        text(`**${flowSituations.countyAddress}**`, { spacing: 'None' }),
        partnershipChoice(
          directory,
          'Your partnership (the one the City school contacted)',
          value('partnership'),
        ),
        {
          type: 'Input.Text',
          id: 'schoolName',
          label: 'The City school',
          isRequired: true,
          errorMessage: 'Give the City school’s name.',
          maxLength: 120,
          ...value('schoolName'),
        },
        {
          type: 'Input.Text',
          id: 'student',
          label: 'Child’s identifier',
          placeholder: 'Initials or a reference, e.g. JS-2291',
          isRequired: true,
          errorMessage: 'Give initials or a reference.',
          maxLength: 60,
          ...value('student'),
        },
        text('Never the child’s full name: initials or a reference only.', {
          isSubtle: true,
          size: 'Small',
          spacing: 'None',
        }),
        consentInput(value('consent')),
        {
          type: 'Input.ChoiceSet',
          id: 'meetingType',
          label: 'Meeting',
          choices: meetingTypes.map((type) => ({ title: meetingTypeLabels[type], value: type })),
          ...value('meetingType'),
        },
        { type: 'Input.Date', id: 'meetingDate', label: 'Date of the meeting', ...value('meetingDate') },
        text(flow.sections.R?.description ?? '', { isSubtle: true, size: 'Small' }),
      ],
      problem,
    ),
    [
      execute('case.start', 'Start', { flow: flow.id }, 'positive'),
      execute('case.new', 'Another situation', {}),
    ],
  );
}

function caseFacts(record: CaseRecord, schoolName: string, flow: FlowDefinition): CardElement {
  const meeting = [
    record.fields.meetingType ? meetingTypeLabels[record.fields.meetingType] : undefined,
    longDate(record.fields.meetingDate),
  ]
    .filter(Boolean)
    .join(', ');
  return facts([
    ['School', md(`${schoolName} (${record.partnership})`)],
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
    case 'choice': {
      // Teams shows at most five actions in a set: a longer choice (eight districts) is split into rows of four.
      const buttons = question.answer.options.map((option) =>
        execute('case.answer', option.label, data(option.id)),
      );
      const size = buttons.length > 5 ? 4 : 5;
      return Array.from({ length: Math.ceil(buttons.length / size) }, (_, row) =>
        actionSet(buttons.slice(row * size, row * size + size)),
      );
    }
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
  /** The case's school as the caller names it (src/cases/schoolName.ts): the card does not look it up. */
  schoolName: string;
  /** The LPS head, named beside the emails to draft, the partnership a City school contacts, the plan's owners. */
  directory: Directory;
  /** The partnership's vote settings: what a vote opened from this card is unless the coordinator changes it. */
  voteDefaults?: VoteSettings;
  /** Today (YYYY-MM-DD), to say when the action plan is due for review; without it, it is not said. */
  today?: string;
  /**
   * The printable decision record's address for a case (the bot's public address, which a card cannot know):
   * with it the card has a Record button; without it, none.
   */
  recordUrl?: (caseId: string) => string;
}

const noVoteDefaults: VoteSettings = { quorum: null, anonymousByDefault: false, sectionDToPanel: true };

/** Starting the same student, school and section twice in one meeting: open the one there, or start another. */
export function duplicateCaseCard(existing: CaseRecord, given: Record<string, unknown>): AdaptiveCard {
  const again = Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined));
  return card(
    [
      heading('Start a case'),
      notice(
        `A case for ${md(studentLabel(existing))} at ${md(existing.fields.schoolName ?? existing.schoolId)}${existing.flowId === 'countyAddress' ? '' : `, section ${existing.section}`}, is already in this meeting (started ${formatDateTime(existing.createdAt)}).`,
        'warning',
      ),
      text(
        'Open it to carry on, or start another only if this really is a second case. A case started in error can be withdrawn from its card.',
      ),
    ],
    [
      execute('case.show', 'Open the existing case', { caseId: existing.id }, 'positive'),
      execute('case.start', 'Start another anyway', { ...again, duplicateOk: true }),
    ],
  );
}

/** Before withdrawing a case: what it means, and a way back. */
export function withdrawConfirmCard(record: CaseRecord): AdaptiveCard {
  return card(
    [
      heading(`Withdraw case ${md(studentLabel(record))}?`),
      text(
        'Withdraw a case started in error (for example, started twice). It stays in the case’s history, marked withdrawn, and is no longer run or offered for emails.',
      ),
    ],
    [
      execute('case.withdraw', 'Withdraw the case', { caseId: record.id, confirm: true }, 'destructive'),
      execute('case.show', 'Cancel', { caseId: record.id }),
    ],
  );
}

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
    heading(`Case ${md(studentLabel(record))}`),
    ...noticeBlock(options.notice),
    caseFacts(record, options.schoolName, flow),
  ];
  if (record.withdrawnAt) {
    body.push(
      notice(
        `Withdrawn on ${formatDateTime(record.withdrawnAt)}: started in error. It is kept in the history and no longer run.`,
        'warning',
      ),
    );
    return card(body, [
      execute('case.history', 'History', { caseId: record.id }),
      ...recordAction(record, options),
      execute('case.list', 'Cases in this meeting'),
    ]);
  }

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
      const place = questionPlace(flow, record.section, state.path.length, state.next);
      if (place) body.push(text(place, { isSubtle: true, size: 'Small', spacing: 'Medium' }));
      body.push(subheading(question.prompt));
      if (question.help) body.push(text(question.help, { isSubtle: true }));
      if (question.decidedBy === 'panelVote') {
        body.push(
          text(
            `Two ways to answer: **Put it to the panel** opens a vote of the panel members, whose result becomes the answer; **Yes** or **No** below records the Partnership’s own answer now, without a vote.${voteDefaults.sectionDToPanel ? ' This partnership puts it to the panel by default.' : ''}`,
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
      if (question.decidedBy === 'panelVote')
        body.push(text('Or record the Partnership’s own answer, without a vote:', { weight: 'Bolder' }));
      body.push(...answerControls(record, state.next, question));
    }
  } else {
    const outcome = flow.outcomes[state.outcome];
    body.push(notice(`Outcome: ${outcome?.label ?? state.outcome}`, 'good'));
    body.push(subheading('Our actions'), ...actionList(state.actions));
    if (state.cityExpectation)
      body.push(
        subheading(isFlowId(flow.id) ? expectationHeadings[flow.id] : 'What to expect'),
        text(state.cityExpectation),
      );
    const home = homePartnership(flow, record.answers, directory);
    if (home) body.push(...homePartnershipBlock(home, state.outcome));
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

  body.push(...planSection(record, directory, options.today ?? '0000-00-00'));
  body.push(...termsLine(body));
  return card(body, [
    execute('case.history', 'History', { caseId: record.id }),
    ...recordAction(record, options),
    execute('vote.open', 'Core Group vote', {
      caseId: record.id,
      question: 'coreGroupDecision',
      anonymous: voteDefaults.anonymousByDefault,
      ...(voteDefaults.quorum !== null ? { quorum: String(voteDefaults.quorum) } : {}),
    }),
    execute('case.list', 'Cases in this meeting'),
    execute('case.withdraw', 'Withdraw', { caseId: record.id }),
  ]);
}

/** The Record button: opens the printable decision record (the page asks the service, which checks who may see it). */
const recordAction = (record: CaseRecord, options: CaseCardOptions): CardElement[] =>
  options.recordUrl ? [{ type: 'Action.OpenUrl', title: 'Record', url: options.recordUrl(record.id) }] : [];

/**
 * Our actions as a list; an action with numbered steps ("inviting: 1. … 2. … 3. …") shows its steps as a real
 * numbered list under it rather than run inline.
 */
export function actionList(actions: readonly string[]): CardElement[] {
  return actions.flatMap((action): CardElement[] => {
    const steps = numberedSteps(action);
    if (!steps) return [text(`- ${action}`, { spacing: 'Small' })];
    return [
      text(`- ${steps.lead}`, { spacing: 'Small' }),
      // A markdown numbered list in its own block, so Teams shows it as a list under the bullet.
      text(steps.items.map((item, index) => `${index + 1}. ${item}`).join('\r'), { spacing: 'None' }),
    ];
  });
}

/** "Lead: 1. a; 2. b; 3. c." → the lead and the steps; undefined when the sentence has no numbered steps. */
export function numberedSteps(action: string): { lead: string; items: string[] } | undefined {
  const at = action.search(/:\s1\.\s/);
  if (at < 0) return undefined;
  const items = action
    .slice(at + 1)
    .split(/\s(?=\d+\.\s)/)
    .map((item) =>
      item
        .trim()
        .replace(/^\d+\.\s/, '')
        .replace(/;$/, ''),
    )
    .filter((item) => item !== '');
  return items.length > 1 ? { lead: action.slice(0, at + 1), items } : undefined;
}

/** "Question 2 of 2": where a case stands in its section (the total is the longest way still possible). */
function questionPlace(
  flow: FlowDefinition,
  sectionId: string,
  answered: number,
  next: string,
): string | undefined {
  const section = flow.sections[sectionId];
  if (!section) return undefined;
  const longest = (questionId: string, seen: ReadonlySet<string>): number => {
    const step = section.steps[questionId];
    if (!step || seen.has(questionId)) return 1;
    const after = Object.values(step.on).map((target) =>
      'next' in target ? longest(target.next, new Set([...seen, questionId])) : 0,
    );
    return 1 + Math.max(0, ...after);
  };
  return `Question ${answered + 1} of ${answered + longest(next, new Set())}`;
}

/** A line spelling out the initialisms the card uses, in the order they first appear. */
function termsLine(body: readonly CardElement[]): CardElement[] {
  const texts: string[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object')
      for (const [key, inner] of Object.entries(value))
        if ((key === 'text' || key === 'title' || key === 'label') && typeof inner === 'string')
          texts.push(inner);
        else walk(inner);
  };
  walk(body);
  const found = initialismsIn(texts);
  if (found.length === 0) return [];
  return [
    text(`Terms: ${found.map(([term, meaning]) => `${term} – ${meaning}`).join(' · ')}`, {
      isSubtle: true,
      size: 'Small',
      separator: true,
    }),
  ];
}

/** The partnership a City school should contact, named with its coordinators, links and (for SENA) SENA. */
function homePartnershipBlock(home: HomePartnership, outcome: string): CardElement[] {
  const coordinators =
    home.coordinators.length > 0
      ? home.coordinators.map((person) => `${md(person.name)} (${md(person.email)})`).join('; ')
      : `not in the directory yet: see ${home.aboutUsLink}`;
  return [
    subheading('Whom to contact'),
    facts([
      ['Partnership', md(`${home.name} (${home.id})`)],
      ['Area', md(home.area)],
      [home.coordinators.length === 1 ? 'Coordinator' : 'Coordinators', coordinators],
      ['Inclusion Forum', home.inclusionForumsLink],
      ['Referrals', home.referralLink],
      ...(outcome === 'R.sena' ? [['SENA', md(`${home.sena.name}, ${home.sena.email}`)] as const] : []),
    ]),
  ];
}

export interface CaseSummary {
  record: CaseRecord;
  /** The case's school as the caller names it (src/cases/schoolName.ts). */
  schoolName: string;
  /** The flow the case was started under (each case keeps its own). */
  flow: FlowDefinition;
  state: FlowState;
}

export interface CaseListOptions {
  title?: string;
  /** How many of the chat's older cases the list leaves out (a recurring meeting's chat keeps them all). */
  notShown?: number;
}

export function caseListCard(
  cases: readonly CaseSummary[],
  { title = 'Cases in this meeting', notShown = 0 }: CaseListOptions = {},
): AdaptiveCard {
  const body: CardElement[] = [heading(title)];
  if (cases.length === 0) body.push(text('No cases yet. Start one with the button below.'));
  for (const { record, schoolName, flow, state } of cases) {
    const where = caseStanding(record, flow, state);
    body.push(
      listRow(
        [
          text(
            `**${md(studentLabel(record))}** · ${md(schoolName)} · ${record.flowId === 'countyAddress' ? 'county-address child' : `section ${record.section}`}`,
          ),
          text(where, { isSubtle: true, spacing: 'None' }),
        ],
        execute('case.show', 'Open', { caseId: record.id }),
      ),
    );
  }
  if (notShown > 0)
    body.push(
      text(
        `${notShown === 1 ? '1 older case is' : `${notShown} older cases are`} not shown here: find them in the meeting’s side panel or the Outlook add-in.`,
        { isSubtle: true, separator: true },
      ),
    );
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
      heading(`History of case ${md(studentLabel(record))}`),
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
