import { describe, expect, it } from 'vitest';
import { checkFlow, defineFlow, FlowDefinitionError, type FlowProblem } from '../../src/flow/check.ts';
import { templateIds } from '../../src/templates/emailTemplates.ts';
import { fieldIds } from '../../src/templates/fields.ts';
import { flowSources } from '../../src/flows.ts';

const cityAddressFlowSource = flowSources.cityAddress;

const context = { templateIds, fieldIds, textValueNames: ['cityBapContact'] };

/** A deep copy of the real definition to break in one place. */
const source = () => structuredClone(cityAddressFlowSource) as unknown as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function problemsOf(raw: unknown): FlowProblem[] {
  const result = checkFlow(raw, context);
  if (result.ok) throw new Error('expected the definition to be refused');
  return result.problems;
}

describe('checking a flow definition when it loads', () => {
  it('accepts the real city-address flow', () => {
    expect(checkFlow(cityAddressFlowSource, context).ok).toBe(true);
  });

  it('names an email template that does not exist and suggests the right one', () => {
    const broken = source();
    broken.outcomes['B.psp2b'].emails[1].template = 'T33';
    expect(problemsOf(broken)).toEqual([
      expect.objectContaining({
        reason: 'unknownTemplate',
        path: 'outcomes.B.psp2b.emails.1.template',
        message: expect.stringContaining('did you mean "T3"'),
      }),
    ]);
  });

  it('reports an answer that leads nowhere, with the branch to add', () => {
    const broken = source();
    delete broken.sections.A.steps.cityBapMember.on.no;
    const problems = problemsOf(broken);
    expect(problems).toContainEqual(
      expect.objectContaining({
        reason: 'missingBranch',
        path: 'sections.A.steps.cityBapMember.on',
        message: expect.stringContaining('add on.no'),
      }),
    );
    // The outcome it led to is now unused, which is reported too.
    expect(problems).toContainEqual(
      expect.objectContaining({ reason: 'unusedOutcome', path: 'outcomes.A.countyTier3' }),
    );
  });

  it('reports a question that cannot be reached from the start', () => {
    const broken = source();
    broken.sections.C.steps.partnershipConvinced = {
      on: { yes: { outcome: 'C.psp3AfterPsp2b' }, no: { outcome: 'C.psp3NoPsp2b' } },
    };
    expect(problemsOf(broken)).toContainEqual(
      expect.objectContaining({ reason: 'unreachableStep', path: 'sections.C.steps.partnershipConvinced' }),
    );
  });

  it('reports a misspelt question, outcome and branch with suggestions', () => {
    const broken = source();
    broken.sections.A.steps.residency.on.city = { next: 'cityBapMembr' };
    broken.sections.C.steps.metCityPsp2b.on.yes = { outcome: 'C.psp3AfterPsp2' };
    broken.sections.D.steps.partnershipConvinced.on.yess = { outcome: 'D.convinced' };
    const messages = problemsOf(broken).map((problem) => `${problem.path}: ${problem.message}`);
    expect(messages).toContainEqual(
      expect.stringMatching(/^sections\.A\.steps\.residency\.on\.city\.next: .*did you mean "cityBapMember"/),
    );
    expect(messages).toContainEqual(
      expect.stringMatching(
        /^sections\.C\.steps\.metCityPsp2b\.on\.yes\.outcome: .*did you mean "C\.psp3AfterPsp2b"/,
      ),
    );
    expect(messages).toContainEqual(
      expect.stringMatching(/^sections\.D\.steps\.partnershipConvinced\.on\.yess: .*did you mean "yes"/),
    );
  });

  it('refuses a loop, because every path must end in an outcome', () => {
    const broken = source();
    broken.questions.extra = { prompt: 'Extra?', answer: { kind: 'yesNo' } };
    broken.sections.A.steps.cityBapMember.on.no = { next: 'extra' };
    broken.sections.A.steps.extra = {
      on: { yes: { next: 'cityBapMember' }, no: { outcome: 'A.countyTier3' } },
    };
    expect(problemsOf(broken)).toContainEqual(
      expect.objectContaining({
        reason: 'cycle',
        message: expect.stringContaining('cityBapMember → extra → cityBapMember'),
      }),
    );
  });

  it('refuses an outcome reached from the wrong section, and unknown placeholders in its texts', () => {
    const broken = source();
    broken.sections.A.steps.cityBapMember.on.yes = { outcome: 'B.psp2b' };
    broken.outcomes['A.countyTier3'].actions.push('Call {cityBapContct}.');
    const problems = problemsOf(broken);
    expect(problems).toContainEqual(
      expect.objectContaining({
        reason: 'wrongSection',
        path: 'sections.A.steps.cityBapMember.on.yes.outcome',
      }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({
        reason: 'unknownPlaceholder',
        path: 'outcomes.A.countyTier3.actions.1',
        message: expect.stringContaining('did you mean "cityBapContact"'),
      }),
    );
  });

  it('refuses list actions and follow-ups that name a question which is not a checklist', () => {
    const broken = source();
    broken.outcomes['B.reconsider'].actions[1].question = 'metCityPsp2b';
    broken.outcomes['C.psp3NoPsp2b'].followUps[0].question = 'partnershipConvinced';
    broken.outcomes['C.psp3AfterPsp2b'].followUps = [
      { kind: 'eachItem', question: 'noSuchQuestion', text: 'Check: {item}.' },
    ];
    expect(problemsOf(broken).map(({ reason, path }) => `${reason} ${path}`)).toEqual([
      'notAChecklist outcomes.B.reconsider.actions.1.question',
      'notAChecklist outcomes.C.psp3AfterPsp2b.followUps.0.question',
      'notAChecklist outcomes.C.psp3NoPsp2b.followUps.0.question',
    ]);
  });

  it('refuses a field default for a field that does not exist, suggesting the right one', () => {
    const broken = source();
    broken.outcomes['B.psp2b'].fieldDefaults = { pspMeetng: 'PSP2b' };
    expect(problemsOf(broken)).toEqual([
      {
        reason: 'unknownField',
        path: 'outcomes.B.psp2b.fieldDefaults.pspMeetng',
        message: 'there is no field "pspMeetng" (did you mean "pspMeeting"?)',
      },
    ]);
  });

  it('refuses a section that starts at a step it does not have, and a step with no question', () => {
    const broken = source();
    broken.sections.B.start = 'stepsDon';
    broken.sections.C.steps.noSuchQuestion = { on: { yes: { outcome: 'C.psp3AfterPsp2b' } } };
    const problems = problemsOf(broken);
    expect(problems).toContainEqual(
      expect.objectContaining({
        reason: 'unknownStep',
        path: 'sections.B.start',
        message: expect.stringMatching(
          /^"stepsDon" is not a step of section B \(did you mean "stepsDone"\?\)/,
        ),
      }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({ reason: 'unknownQuestion', path: 'sections.C.steps.noSuchQuestion' }),
    );
  });

  it('refuses an outcome whose id names another section, and unknown placeholders in every text', () => {
    const broken = source();
    broken.outcomes['A.cityBap'].section = 'B';
    broken.outcomes['A.countyTier3'].cityExpectation = 'Ask {cityContact}.';
    broken.outcomes['B.reconsider'].actions[1].text = 'Reconsider {itm}.';
    broken.outcomes['C.psp3NoPsp2b'].followUps[0].text = 'Check {itme}.';
    const problems = problemsOf(broken).map(({ reason, path }) => `${reason} ${path}`);
    expect(problems).toContain('wrongSection outcomes.A.cityBap.section');
    expect(problems).toContain('unknownPlaceholder outcomes.A.countyTier3.cityExpectation');
    expect(problems).toContain('unknownPlaceholder outcomes.B.reconsider.actions.1.text');
    expect(problems).toContain('unknownPlaceholder outcomes.C.psp3NoPsp2b.followUps.0.text');
  });

  it('says what is wrong and how to fix it, for each reason, in order', () => {
    const broken = source();
    broken.sections.C.steps.noSuchQuestion = { on: { yes: { outcome: 'C.psp3AfterPsp2b' } } };
    broken.sections.D.steps.partnershipConvinced.on.maybe = { outcome: 'D.convinced' };
    broken.sections.A.steps.cityBapMember.on.yes = { outcome: 'B.psp2b' };
    broken.outcomes['B.reconsider'].actions[1].question = 'metCityPsp2b';
    broken.outcomes['A.cityBap'].section = 'B';
    broken.outcomes['B.psp2b'].emails[0].template = 'T9';
    broken.outcomes['C.psp3NoPsp2b'].followUps[0].question = 'residency';
    // {item} belongs to the follow-ups that list a checklist's items, not to a plain text.
    broken.outcomes['C.psp3NoPsp2b'].followUps.push({ kind: 'text', text: 'Ask {item}.' });
    broken.sections.B.steps.stepsDone.on.all = { next: 'residency' };
    // Without the directory's values, {cityBapContact} is unknown too, and no value is allowed at all.
    const result = checkFlow(broken, { templateIds, fieldIds });
    if (result.ok) throw new Error('expected the definition to be refused');
    expect(result.problems.map(({ reason, path, message }) => [reason, path, message])).toEqual([
      [
        'wrongSection',
        'sections.A.steps.cityBapMember.on.yes.outcome',
        'outcome "B.psp2b" belongs to section B, not A; point to a section A outcome or move it',
      ],
      [
        'cycle',
        'sections.B.steps.stepsDone',
        'answers loop back to "residency" (residency \u2192 stepsDone \u2192 residency); a flow must always reach an outcome',
      ],
      [
        'unknownQuestion',
        'sections.C.steps.noSuchQuestion',
        'there is no question "noSuchQuestion"; define it under questions or rename the step',
      ],
      [
        'unreachableStep',
        'sections.C.steps.noSuchQuestion',
        'no answer leads to "noSuchQuestion" from the start (residency); link to it from another step or remove it',
      ],
      [
        'unknownBranch',
        'sections.D.steps.partnershipConvinced.on.maybe',
        '"maybe" is not an answer to partnershipConvinced; its answers are: yes, no',
      ],
      [
        'wrongSection',
        'outcomes.A.cityBap.section',
        'outcome ids start with their section letter: "A.cityBap" says A, section says B',
      ],
      [
        'unusedOutcome',
        'outcomes.A.cityBap',
        "no answer leads to this outcome; point a step's branch to it or remove it",
      ],
      [
        'notAChecklist',
        'outcomes.B.reconsider.actions.1.question',
        '"metCityPsp2b" is not a checklist question; an eachUnticked action lists a checklist\'s unticked items',
      ],
      [
        'unknownPlaceholder',
        'outcomes.B.psp2b.actions.0',
        '{cityBapContact} is not a value outcome texts can use; they are: (none)',
      ],
      [
        'unusedOutcome',
        'outcomes.B.psp2b',
        "no answer leads to this outcome; point a step's branch to it or remove it",
      ],
      [
        'unknownTemplate',
        'outcomes.B.psp2b.emails.0.template',
        'there is no email template "T9"; templates are: T1, T2, T3, T4, T5',
      ],
      [
        'notAChecklist',
        'outcomes.C.psp3NoPsp2b.followUps.0.question',
        '"residency" is not a checklist question; eachItem follow-ups list a checklist\'s items',
      ],
      [
        'unknownPlaceholder',
        'outcomes.C.psp3NoPsp2b.followUps.1.text',
        '{item} is not a value outcome texts can use; they are: (none)',
      ],
    ]);
  });

  it('names the flow it refuses, or says it has no name', () => {
    const broken = source();
    broken.version = 'one';
    delete broken.id;
    let thrown: unknown;
    try {
      defineFlow(broken as never, context);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(FlowDefinitionError);
    expect((thrown as Error).name).toBe('FlowDefinitionError');
    expect((thrown as Error).message).toMatch(/^The flow definition "\(unnamed\)" is not valid:\n {2}- id: /);
    expect((thrown as FlowDefinitionError).problems.map((problem) => problem.path)).toEqual([
      'id',
      'version',
    ]);
    expect((thrown as Error).message).toMatch(/\n {2}- version: a version such as "1\.0\.0"$/);
    expect(() => defineFlow(null as never, context)).toThrow(
      /^The flow definition "\(unnamed\)" is not valid:\n {2}- \(the definition\): /,
    );
  });

  it('reports shape errors by path, and defineFlow throws them all in one readable error', () => {
    const broken = source();
    broken.version = 'one';
    broken.questions.residency.answer = { kind: 'maybe' };
    expect(() => defineFlow(broken as never, context)).toThrow(FlowDefinitionError);
    try {
      defineFlow(broken as never, context);
    } catch (error) {
      expect((error as Error).message).toMatch(
        /^The flow definition "cityAddress" is not valid:\n {2}- version: a version such as "1\.0\.0"/,
      );
      expect((error as Error).message).toContain('questions.residency.answer.kind');
    }
  });
});
