import type { AddinConfig, CaseDetail, CaseSummary, EmailToDraft } from '../../src/api/contract.ts';
import type { z } from 'zod';
import {
  agendaRequestSchema,
  draftedRequestSchema,
  type MeetingCase,
  type StageView,
} from '../../src/api/contract.ts';
import { findSchool } from '../../src/directory/directory.ts';
import { answerLabel } from '../../src/flow/answers.ts';
import { caseEmails, caseState, newCaseSchema, type CaseRecord } from '../../src/cases/case.ts';
import { emailTemplates } from '../../src/templates/emailTemplates.ts';
import { fieldsSchema } from '../../src/templates/fields.ts';
import type { BotConfig } from '../config.ts';
import { coordinatedPartnerships } from '../roles.ts';
import {
  appendEvents,
  casesOfConversation,
  casesOfPartnerships,
  createCase,
  getCase,
  isUuid,
} from '../store/cases.ts';
import type { Services } from '../teams/services.ts';
import { createApiAuthenticator, type Principal } from './apiAuth.ts';
import type { HttpRequest, HttpResponse, NodeHttpAdapter } from './server.ts';

/**
 * The add-in's API: the signed-in coordinator's cases with emails to draft, one case's template fields, and
 * "this email was drafted". Every request carries a verified Entra access token, and a coordinator sees only
 * their own partnerships' cases.
 */

const error = (status: number, message: string): HttpResponse => ({ status, body: { error: message } });

/** The emails already drafted for each of the cases, as "T1/school" keys, in one query. */
async function draftedOfCases(
  services: Services,
  caseIds: readonly string[],
): Promise<Map<string, Set<string>>> {
  const rows = await services.db.query<{ case_id: string; detail: { template: string; to: string } }>(
    "SELECT case_id, detail FROM case_events WHERE case_id = ANY($1::uuid[]) AND kind = 'emailDrafted'",
    [caseIds],
  );
  const drafted = new Map(caseIds.map((id) => [id, new Set<string>()]));
  for (const row of rows) drafted.get(row.case_id)?.add(`${row.detail.template}/${row.detail.to}`);
  return drafted;
}

async function draftedOf(services: Services, caseId: string): Promise<Set<string>> {
  return (await draftedOfCases(services, [caseId])).get(caseId) ?? new Set();
}

function emailsOf(services: Services, record: CaseRecord, drafted: Set<string>): EmailToDraft[] {
  const state = caseState(services.flow, record, services.textValues);
  const { lps } = services.directory.contacts;
  return caseEmails(state, record).map((email) => ({
    template: email.template,
    to: email.to,
    title: emailTemplates[email.template].title,
    drafted: drafted.has(`${email.template}/${email.to}`),
    recipient:
      email.to === 'school'
        ? { name: record.fields.keyLinkName ?? 'The school’s key link', email: record.keyLinkEmail }
        : { name: lps.headSalutation, email: lps.headEmail },
  }));
}

function summary(services: Services, record: CaseRecord, emails: EmailToDraft[]): CaseSummary {
  return {
    id: record.id,
    student: record.student,
    partnership: record.partnership,
    schoolName: record.fields.schoolName ?? record.schoolId,
    section: record.section,
    outcome: record.outcome,
    outcomeLabel: record.outcome ? (services.flow.outcomes[record.outcome]?.label ?? null) : null,
    updatedAt: record.updatedAt.toISOString(),
    emailsToDraft: emails.filter((email) => !email.drafted).length,
  };
}

export function registerApi(adapter: NodeHttpAdapter, services: Services, config: BotConfig): void {
  const authenticate = createApiAuthenticator(config);

  /** Runs a handler for a signed-in coordinator; anyone else gets a clear refusal. */
  const asCoordinator =
    (
      handler: (request: HttpRequest, principal: Principal, partnerships: string[]) => Promise<HttpResponse>,
    ) =>
    async (request: HttpRequest): Promise<HttpResponse> => {
      const header = request.headers.authorization;
      const signedIn = await authenticate(Array.isArray(header) ? header[0] : header);
      if (!signedIn.ok) return error(signedIn.error.status, signedIn.error.message);
      const partnerships = coordinatedPartnerships(services.roles, signedIn.principal.id);
      if (partnerships.length === 0) return error(403, 'Only partnership coordinators can use the add-in.');
      return handler(request, signedIn.principal, partnerships);
    };

  adapter.route('GET', '/api/addin/config', async () => {
    const local =
      config.auth.kind === 'dangerouslyUnauthenticated' ? services.roles.coordinators[0] : undefined;
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
    const body: AddinConfig = {
      auth,
      allowedRecipientDomains: services.directory.allowedRecipientDomains,
      directory: services.directory,
    };
    return { status: 200, body };
  });

  adapter.route(
    'GET',
    '/api/cases',
    asCoordinator(async (_request, _principal, partnerships) => {
      const records = await casesOfPartnerships(services.db, partnerships as CaseRecord['partnership'][]);
      const drafted = await draftedOfCases(
        services,
        records.map((record) => record.id),
      );
      const withEmails = records.map((record) =>
        summary(services, record, emailsOf(services, record, drafted.get(record.id) ?? new Set())),
      );
      return { status: 200, body: { cases: withEmails.filter((item) => item.emailsToDraft > 0) } };
    }),
  );

  /** The case under /api/cases/{id}, if this coordinator may see it. */
  async function ownCase(request: HttpRequest, partnerships: string[]) {
    const id = request.path.split('/')[3] ?? '';
    if (!isUuid(id)) return { response: error(404, 'No such case.') };
    const record = await getCase(services.db, id);
    // Another partnership's case is "not found": its existence is not theirs to know.
    if (!record || !partnerships.includes(record.partnership))
      return { response: error(404, 'No such case.') };
    return { record };
  }

  adapter.routePrefix('GET', '/api/cases/', async (request) => {
    const parts = request.path.split('/');
    if (parts.length === 5 && parts[4] === 'stage') return stage(request);
    if (parts.length !== 4) return error(404, 'Not found.');
    return caseDetail(request);
  });

  /** The meeting stage's view of a case, for everyone in the meeting: the identifier and the flow only. */
  async function stage(request: HttpRequest): Promise<HttpResponse> {
    const header = request.headers.authorization;
    const signedIn = await authenticate(Array.isArray(header) ? header[0] : header);
    if (!signedIn.ok) return error(signedIn.error.status, signedIn.error.message);
    const id = request.path.split('/')[3] ?? '';
    const record = isUuid(id) ? await getCase(services.db, id) : undefined;
    if (!record) return error(404, 'No such case.');
    const state = caseState(services.flow, record, services.textValues);
    const view: StageView = {
      student: record.student,
      section: services.flow.sections[record.section]?.label ?? record.section,
      answered: state.path.flatMap((questionId) => {
        const question = services.flow.questions[questionId];
        return question
          ? [{ question: question.prompt, answer: answerLabel(question, record.answers[questionId]) }]
          : [];
      }),
      waitingFor:
        state.status === 'asking' ? (services.flow.questions[state.next]?.prompt ?? state.next) : null,
      outcome:
        state.status === 'decided' ? (services.flow.outcomes[state.outcome]?.label ?? state.outcome) : null,
    };
    return { status: 200, body: view };
  }

  const caseDetail = asCoordinator(async (request, _principal, partnerships) => {
    const found = await ownCase(request, partnerships);
    if (!found.record) return found.response;
    const record = found.record;
    const emails = emailsOf(services, record, await draftedOf(services, record.id));
    const defaults = record.outcome
      ? fieldsSchema.parse(services.flow.outcomes[record.outcome]?.fieldDefaults ?? {})
      : {};
    const detail: CaseDetail = {
      ...summary(services, record, emails),
      flowVersion: record.flowVersion,
      fields: { ...defaults, ...record.fields } as Record<string, string | boolean>,
      emails,
    };
    return { status: 200, body: detail };
  });

  /** The conversation id in /api/conversations/{id}/cases. */
  const conversationOf = (request: HttpRequest) => {
    const parts = request.path.split('/');
    return parts.length === 5 && parts[4] === 'cases' ? decodeURIComponent(parts[3] ?? '') : undefined;
  };

  adapter.routePrefix(
    'GET',
    '/api/conversations/',
    asCoordinator(async (request, _principal, partnerships) => {
      const conversationId = conversationOf(request);
      if (!conversationId) return error(404, 'Not found.');
      const records = (await casesOfConversation(services.db, conversationId)).filter((record) =>
        partnerships.includes(record.partnership),
      );
      const cases: MeetingCase[] = records.map((record) => {
        const state = caseState(services.flow, record, services.textValues);
        return {
          id: record.id,
          student: record.student,
          schoolName: record.fields.schoolName ?? record.schoolId,
          section: record.section,
          decided: state.status === 'decided',
          standing:
            state.status === 'decided'
              ? `Outcome: ${services.flow.outcomes[state.outcome]?.label ?? state.outcome}`
              : state.path.length === 0
                ? 'On the agenda'
                : `Waiting for: ${services.flow.questions[state.next]?.prompt ?? state.next}`,
        };
      });
      return { status: 200, body: { cases } };
    }),
  );

  adapter.routePrefix(
    'POST',
    '/api/conversations/',
    asCoordinator(async (request, principal, partnerships) => {
      const conversationId = conversationOf(request);
      if (!conversationId) return error(404, 'Not found.');
      const shape = agendaRequestSchema.safeParse(request.body);
      const parsed = shape.success ? newCaseSchema(services.identifierRule).safeParse(shape.data) : shape;
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        return error(400, `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}`);
      }
      const input = parsed.data as z.output<ReturnType<typeof newCaseSchema>>;
      if (!partnerships.includes(input.partnership))
        return error(403, `Only a coordinator of ${input.partnership} can add its referrals.`);
      const school = findSchool(services.directory, input.schoolId);
      if (!school.ok || school.value.partnership.id !== input.partnership)
        return error(400, `schoolId: not a ${input.partnership} school`);
      const record = await createCase(
        services.db,
        {
          partnership: input.partnership,
          conversationId,
          meetingId: null,
          student: input.student,
          schoolId: input.schoolId,
          section: input.section,
          flowId: services.flow.id,
          flowVersion: services.flow.version,
          fields: {
            student: input.student,
            schoolName: school.value.school.name,
            partnership: input.partnership,
            coordinatorName: principal.name,
            ...(input.keyLinkName ? { keyLinkName: input.keyLinkName } : {}),
          },
        },
        { id: principal.id, name: principal.name },
      );
      services.log.event('info', 'case.addedToAgenda', { caseId: record.id });
      return { status: 201, body: { id: record.id } };
    }),
  );

  adapter.routePrefix(
    'POST',
    '/api/cases/',
    asCoordinator(async (request, principal, partnerships) => {
      const parts = request.path.split('/');
      if (parts.length !== 5 || parts[4] !== 'emails') return error(404, 'Not found.');
      const parsed = draftedRequestSchema.safeParse(request.body);
      if (!parsed.success)
        return error(400, parsed.error.issues[0]?.message ?? 'The request body is not valid.');
      const found = await ownCase(request, partnerships);
      if (!found.record) return found.response;
      const record = found.record;
      const expected = emailsOf(services, record, new Set());
      if (!expected.some((email) => email.template === parsed.data.template && email.to === parsed.data.to)) {
        return error(
          409,
          `This case does not need ${parsed.data.template} to the ${parsed.data.to === 'lps' ? 'LPS' : 'school'}.`,
        );
      }
      await services.db.transaction(async (tx) => {
        await appendEvents(tx, record, { id: principal.id, name: principal.name }, [
          { kind: 'emailDrafted', detail: parsed.data },
        ]);
        await tx.query('UPDATE cases SET updated_at = now() WHERE id = $1', [record.id]);
      });
      services.log.event('info', 'email.drafted', { caseId: record.id, template: parsed.data.template });
      const emails = emailsOf(services, record, await draftedOf(services, record.id));
      return { status: 201, body: { emails } };
    }),
  );
}
