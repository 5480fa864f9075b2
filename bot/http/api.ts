import { caseFlow, defaultFlowId, flowById } from '../../src/flows.ts';
import type { z } from 'zod';
import {
  agendaRequestSchema,
  caseListCursor,
  caseListQuerySchema,
  draftedRequestSchema,
  type AddinConfig,
  type CaseDetail,
  type CaseList,
  type CaseSummary,
  type EmailToDraft,
  type MeetingCase,
  type StageView,
} from '../../src/api/contract.ts';
import { findSchool } from '../../src/directory/directory.ts';
import { answerLabel } from '../../src/flow/answers.ts';
import {
  caseStanding,
  caseState,
  cityAddressCase,
  newCaseSchema,
  studentLabel,
  type CaseRecord,
} from '../../src/cases/case.ts';
import { emailsStillToDraft, emailsToDraft } from '../../src/cases/emailsToDraft.ts';
import { planSummary } from '../../src/plans/actionPlan.ts';
import { fieldsSchema, partnershipIds } from '../../src/templates/fields.ts';
import type { BotConfig } from '../config.ts';
import { listsCase, permissions, type Person } from '../../src/auth/policy.ts';
import { rolesOf } from '../../src/settings/settings.ts';
import { firstProblemText } from '../../src/text/problems.ts';
import { caseListPage } from '../store/caseList.ts';
import { draftedEmails, casesOfConversation, createCase, getCase, isUuid } from '../store/cases.ts';
import { recordEmailDrafted } from '../store/emailDrafts.ts';
import type { Services } from '../teams/services.ts';
import type { Principal } from './apiAuth.ts';
import type { CaseRouteKey } from './routes.ts';
import { denied, error, type Handler } from './routing.ts';

/**
 * The add-in's and the meeting pages' API: the signed-in coordinator's cases with emails to draft, one case's
 * template fields, "this email was drafted", a meeting's cases and its stage view. Each route is guarded by the
 * permission the route table names (routes.ts), checked here against the case or chat it is about.
 */

async function draftedOf(services: Services, caseId: string): Promise<Set<string>> {
  return (await draftedEmails(services.db, [caseId])).get(caseId) ?? new Set();
}

const emailsOf = (services: Services, record: CaseRecord, drafted: ReadonlySet<string>) =>
  emailsToDraft(
    record,
    caseState(caseFlow(record), record, services.textValues),
    drafted,
    services.directory,
  );

function summary(services: Services, record: CaseRecord, emails: EmailToDraft[]): CaseSummary {
  return {
    id: record.id,
    student: studentLabel(record),
    partnership: record.partnership,
    schoolName: record.fields.schoolName ?? record.schoolId,
    section: record.section,
    outcome: record.outcome,
    outcomeLabel: record.outcome ? (caseFlow(record).outcomes[record.outcome]?.label ?? null) : null,
    startedAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
    emailsToDraft: emails.filter((email) => !email.drafted).length,
  };
}

const NO_SUCH_CASE = 'No such case.';
const COORDINATORS_ONLY = 'Only partnership coordinators can use the add-in.';

/** The handlers of the add-in's and the meeting pages' routes. */
export function caseHandlers(services: Services, config: BotConfig): Record<CaseRouteKey, Handler> {
  /** Whether the signed-in person is in a chat, as the bot's roster (or Teams, asked once) knows it. */
  /**
   * The person as the policy sees them in a chat: whether they are in it, and, when Teams knows them there as
   * a guest, a guest (the token says so only when the tenant sends its optional `acct` claim).
   */
  const inChatAs = async (principal: Principal, person: Person, conversationId: string) => {
    const standing = await services.roster.standingIn(conversationId, principal.id);
    return {
      inChat: standing !== undefined,
      person: standing === 'guest' ? { ...person, standing: 'guest' as const } : person,
    };
  };

  /** The case under :caseId, or undefined (an id that is not a uuid is simply not found). */
  const caseOf = async (params: Record<string, string>) =>
    isUuid(params.caseId ?? '') ? await getCase(services.db, params.caseId ?? '') : undefined;

  return {
    'GET /api/addin/config': async () => {
      const local =
        config.auth.kind === 'dangerouslyUnauthenticated'
          ? rolesOf(services.settings.settings).coordinators[0]
          : undefined;
      const auth: AddinConfig['auth'] =
        config.auth.kind === 'entra'
          ? {
              kind: 'entra',
              clientId: config.api.clientId,
              authority: `${config.api.loginEndpoint}/${config.auth.tenantId}`,
              scopes: [`${config.api.audience}/${config.api.scope}`],
            }
          : {
              kind: 'dangerouslyLocal',
              user: { id: local?.aadObjectId ?? '', name: local?.name ?? 'Local user' },
            };
      const body: AddinConfig = { auth };
      return { status: 200, body };
    },

    'GET /api/directory': async (_request, _params, { person }) => {
      const verdict = permissions.seeDirectory(person);
      if (verdict !== 'allow') return denied(verdict, 'Sign in with an account of the organisation.', '');
      const { directory } = services;
      // The County's usual domains and every school's own, so writing to a key link raises no warning.
      const allowedRecipientDomains = [
        ...new Set([
          ...directory.allowedRecipientDomains,
          ...directory.partnerships.flatMap((partnership) =>
            partnership.schools.flatMap((school) => (school.emailDomain ? [school.emailDomain] : [])),
          ),
        ]),
      ];
      return { status: 200, body: { ...directory, allowedRecipientDomains } };
    },

    // A page of the coordinator's cases with emails to draft (their partnerships only: listsCase), newest first.
    'GET /api/cases': async (request, _params, { person }) => {
      const query = caseListQuerySchema.safeParse(Object.fromEntries(request.query));
      if (!query.success) return error(400, firstProblemText(query.error, 'query'));
      const partnerships = partnershipIds.filter((partnership) => listsCase(person, partnership));
      const page = await caseListPage(
        services.db,
        { partnerships, search: query.data.search, after: query.data.cursor, size: query.data.limit },
        (record, drafted) => {
          const listed = summary(services, record, emailsOf(services, record, drafted));
          return listed.emailsToDraft > 0 ? listed : undefined;
        },
      );
      const body: CaseList = { cases: page.items, nextCursor: page.next && caseListCursor(page.next) };
      return { status: 200, body };
    },

    'GET /api/cases/:caseId': async (_request, params, { person }) => {
      const record = await caseOf(params);
      if (!record) return error(404, NO_SUCH_CASE);
      const verdict = permissions.draftCaseEmails(person, record);
      if (verdict !== 'allow') return denied(verdict, COORDINATORS_ONLY, NO_SUCH_CASE);
      const emails = emailsOf(services, record, await draftedOf(services, record.id));
      const defaults = record.outcome
        ? fieldsSchema.parse(caseFlow(record).outcomes[record.outcome]?.fieldDefaults ?? {})
        : {};
      const school = findSchool(services.directory, record.schoolId);
      const keyLinkFromDirectory = school.ok ? school.value.school.keyLinkName : undefined;
      // The plan is not a field the case stores: it travels as `actionPlan`, from its own versions.
      const { actionPlan: _notStored, ...known } = { ...defaults, ...record.fields };
      const detail: CaseDetail = {
        ...summary(services, record, emails),
        flowVersion: record.flowVersion,
        fields: {
          ...(keyLinkFromDirectory ? { keyLinkName: keyLinkFromDirectory } : {}),
          ...known,
          student: studentLabel(record),
        } as Record<string, string | boolean>,
        emails,
        anonymous: !record.consent,
        ...(record.plan ? { actionPlan: record.plan.plan } : {}),
      };
      return { status: 200, body: detail };
    },

    'POST /api/cases/:caseId/emails': async (request, params, { principal, person }) => {
      const parsed = draftedRequestSchema.safeParse(request.body);
      if (!parsed.success) return error(400, firstProblemText(parsed.error, 'body'));
      const record = await caseOf(params);
      if (!record) return error(404, NO_SUCH_CASE);
      const verdict = permissions.draftCaseEmails(person, record);
      if (verdict !== 'allow') return denied(verdict, COORDINATORS_ONLY, NO_SUCH_CASE);
      const expected = emailsOf(services, record, new Set());
      if (!expected.some((email) => email.template === parsed.data.template && email.to === parsed.data.to)) {
        return error(
          409,
          `This case does not need ${parsed.data.template} to the ${parsed.data.to === 'lps' ? 'LPS' : 'school'}.`,
        );
      }
      // The action plan's email names the version and save it was drafted from (see draftKey).
      const plan =
        parsed.data.template === 'T5' && record.plan
          ? { plan: { version: record.plan.version, saves: record.plan.saves } }
          : {};
      await recordEmailDrafted(
        services.db,
        record,
        { id: principal.id, name: principal.name },
        { ...parsed.data, ...plan },
      );
      services.log.event('info', 'email.drafted', { caseId: record.id, template: parsed.data.template });
      const emails = emailsOf(services, record, await draftedOf(services, record.id));
      return { status: 201, body: { emails } };
    },

    // The meeting stage's view of a case, for those in the case's meeting: the identifier and the flow only.
    'GET /api/cases/:caseId/stage': async (_request, params, { principal, person }) => {
      const record = await caseOf(params);
      if (!record) return error(404, NO_SUCH_CASE);
      const there = await inChatAs(principal, person, record.conversationId);
      const facts = { partnership: record.partnership, inCaseChat: there.inChat };
      const verdict = permissions.seeCase(there.person, facts);
      if (verdict !== 'allow') return denied(verdict, COORDINATORS_ONLY, NO_SUCH_CASE);
      const state = caseState(caseFlow(record), record, services.textValues);
      const view: StageView = {
        student: studentLabel(record),
        section: caseFlow(record).sections[record.section]?.label ?? record.section,
        answered: state.path.flatMap((questionId) => {
          const question = caseFlow(record).questions[questionId];
          return question
            ? [{ question: question.prompt, answer: answerLabel(question, record.answers[questionId]) }]
            : [];
        }),
        waitingFor:
          state.status === 'asking' ? (caseFlow(record).questions[state.next]?.prompt ?? state.next) : null,
        outcome:
          state.status === 'decided'
            ? (caseFlow(record).outcomes[state.outcome]?.label ?? state.outcome)
            : null,
      };
      return { status: 200, body: view };
    },

    'GET /api/conversations/:conversationId/cases': async (_request, params, { principal, person }) => {
      const conversationId = params.conversationId ?? '';
      const there = await inChatAs(principal, person, conversationId);
      const verdict = permissions.listChatCases(there.person, { inChat: there.inChat });
      if (verdict !== 'allow')
        return denied(verdict, 'Only the coordinators in this meeting can see its cases.', 'Not found.');
      const records = (await casesOfConversation(services.db, conversationId)).filter((record) =>
        listsCase(person, record.partnership),
      );
      const drafted = await draftedEmails(
        services.db,
        records.map((record) => record.id),
      );
      const cases: MeetingCase[] = records.map((record) => {
        const state = caseState(caseFlow(record), record, services.textValues);
        return {
          id: record.id,
          student: studentLabel(record),
          schoolName: record.fields.schoolName ?? record.schoolId,
          section: record.section,
          decided: state.status === 'decided',
          standing: caseStanding(record, caseFlow(record), state, { agenda: true }),
          plan: record.plan ? planSummary(record.plan.plan) : null,
          emailsToDraft: record.withdrawnAt
            ? []
            : emailsStillToDraft(record, state, drafted.get(record.id) ?? new Set(), services.directory),
        };
      });
      return { status: 200, body: { cases } };
    },

    'POST /api/conversations/:conversationId/cases': async (request, params, { principal, person }) => {
      const conversationId = params.conversationId ?? '';
      const shape = agendaRequestSchema.safeParse(request.body);
      const parsed = shape.success ? newCaseSchema(services.identifierRule).safeParse(shape.data) : shape;
      if (!parsed.success) return error(400, firstProblemText(parsed.error, 'body'));
      const input = parsed.data as z.output<ReturnType<typeof newCaseSchema>>;
      const there = await inChatAs(principal, person, conversationId);
      const facts = { partnership: input.partnership, inChat: there.inChat };
      if (permissions.startCase(there.person, facts) !== 'allow')
        return error(
          403,
          facts.inChat
            ? `Only a coordinator of ${input.partnership} can add its referrals.`
            : 'You can add referrals only to a meeting you are in.',
        );
      // The agenda form starts city-address cases; a county-address case is started from its card in Teams.
      const referral = cityAddressCase(input, services.directory, {
        conversationId,
        meetingId: null,
        coordinatorName: principal.name,
        flow: flowById(defaultFlowId),
      });
      if (!referral.ok) return error(400, `schoolId: ${referral.error.message}`);
      const record = await createCase(services.db, referral.value, {
        id: principal.id,
        name: principal.name,
      });
      services.log.event('info', 'case.addedToAgenda', { caseId: record.id });
      return { status: 201, body: { id: record.id } };
    },
  };
}
