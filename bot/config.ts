import { join } from 'node:path';
import { cloudFromName, withOverrides, type CloudEnvironment } from '@microsoft/teams.api';
import { z } from 'zod';
import { defaultIdentifierRule, identifierRule, type IdentifierRule } from '../src/cases/identifier.ts';
import { problemsOf } from '../src/text/problems.ts';
import { defaultDirectoryFile } from './directoryFile.ts';
import { projectRoot } from './paths.ts';

/**
 * The bot's configuration, read from the environment once at start-up into a typed object. Anything missing
 * or malformed stops the start with a list of every problem, so a deployment never half-works.
 */

const flag = z
  .enum(['true', 'false', '1', '0', ''])
  .optional()
  .transform((value) => value === 'true' || value === '1');

const list = z
  .string()
  .optional()
  .transform((value) =>
    (value ?? '')
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== ''),
  );

const settingsSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  CLIENT_ID: z.string().min(1).optional(),
  CLIENT_SECRET: z.string().min(1).optional(),
  TENANT_ID: z.string().min(1).optional(),
  MANAGED_IDENTITY_CLIENT_ID: z.string().min(1).optional(),
  /** Accept Teams requests without validating their tokens: local development only, loopback only. */
  DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS: flag,
  /** Entra tenant ids whose Teams activities are served; others are refused. */
  ALLOWED_TENANT_IDS: list,
  DATABASE_URL: z.string().url().optional(),
  /** Where the embedded PGlite keeps its files when DATABASE_URL is not set. */
  DATA_DIR: z
    .string()
    .min(1)
    .default(join(projectRoot, 'data', 'pglite')),
  DIRECTORY_FILE: z.string().min(1).default(defaultDirectoryFile),
  /** The roles file that seeds the people on a new store; once the store has settings they are managed in the app. */
  ROLES_FILE: z.string().min(1).optional(),
  /** The first administrators, by Entra object id (comma-separated); more are added in the app. */
  ADMIN_OBJECT_IDS: list,
  /** The Entra app role whose holders administer the app (declared in infra/aad.manifest.json). */
  ADMIN_APP_ROLE: z.string().min(1).max(120).default('Partnerships.Admin'),
  RETENTION_YEARS: z.coerce.number().int().min(1).max(50).default(7),
  /** The hour (0–23, UTC) at which the bot purges expired records each day, or `off`. */
  PURGE_HOUR: z.union([z.literal('off'), z.coerce.number().int().min(0).max(23)]).optional(),
  /** The add-in API's Entra audience (Application ID URI) and the scope a token must grant. */
  API_AUDIENCE: z.string().min(1).optional(),
  API_SCOPE: z.string().min(1).default('Cases.ReadWrite'),
  /** The Entra app the Outlook add-in signs in with (nested app authentication); defaults to CLIENT_ID. */
  ADDIN_CLIENT_ID: z.string().min(1).optional(),
  /** Microsoft Entra's sign-in endpoint for the add-in's tokens; the cloud's own by default. */
  ENTRA_LOGIN_ENDPOINT: z.url().optional(),
  /**
   * The Microsoft cloud the bot is registered in: its Bot Framework token issuer, key set and sign-in
   * endpoints. Read here rather than by the Teams SDK, which would otherwise read CLOUD itself.
   */
  CLOUD: z
    .string()
    .default('Public')
    .transform((name, context) => {
      try {
        return cloudFromName(name);
      } catch {
        context.addIssue({ code: 'custom', message: 'expected one of Public, USGov, USGovDoD, China' });
        return z.NEVER;
      }
    }),
  /**
   * Where the Bot Framework publishes the keys that sign Teams' tokens (OpenID metadata); the cloud's own by
   * default. HTTPS, or HTTP on loopback for a local stand-in (the bench and the tests).
   */
  BOT_OPENID_METADATA_URL: z
    .url()
    .refine(
      (value) => {
        const url = new URL(value);
        return (
          url.protocol === 'https:' ||
          (url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname))
        );
      },
      { message: 'expected an https:// address (or http:// on loopback)' },
    )
    .optional(),
  LOG_LEVEL: z.enum(['error', 'warn', 'info', 'debug']).default('info'),
  /**
   * The bot's public address (https://…, no path), where its pages are served: the case card's Record button
   * opens the printable decision record there. Unset: no Record button (locally, the preview on this computer).
   */
  PUBLIC_URL: z
    .url({ protocol: /^https?$/ })
    .transform((value) => value.replace(/\/+$/, ''))
    .optional(),
  /**
   * The Teams app's id (the manifest's `id`, TEAMS_APP_ID in env/.env.*): with it the Record button opens the
   * record in a Teams window (a stage view deep link), where it signs in as the app's other pages do. Any GUID,
   * as the manifest's schema allows: not only an RFC 9562 UUID (a hand-made id need not have its version bits).
   */
  TEAMS_APP_ID: z.guid().optional(),
  /**
   * The reference part of a student identifier under a local referencing scheme (a regular expression), and
   * one reference it matches for the refusal's examples. Unset: initials and/or references such as "REF-0042".
   */
  STUDENT_REFERENCE_PATTERN: z.string().min(1).optional(),
  STUDENT_REFERENCE_EXAMPLE: z.string().min(1).max(40).optional(),
});

/** The settings with the production check: without the dangerous switch, sign-in and tenants are required. */
const environmentSchema = settingsSchema.superRefine((env, context) => {
  if (env.STUDENT_REFERENCE_PATTERN && !env.STUDENT_REFERENCE_EXAMPLE)
    context.addIssue({
      code: 'custom',
      path: ['STUDENT_REFERENCE_EXAMPLE'],
      message: 'give one reference that STUDENT_REFERENCE_PATTERN matches, for the examples people are shown',
    });
  if (env.DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS) return;
  const missing = (name: string, why: string) =>
    context.addIssue({ code: 'custom', path: [name], message: why });
  if (!env.CLIENT_ID) missing('CLIENT_ID', 'the bot’s Entra app id is required to validate Teams tokens');
  if (!env.TENANT_ID) missing('TENANT_ID', 'the tenant the bot is registered in is required');
  if (!env.CLIENT_SECRET && !env.MANAGED_IDENTITY_CLIENT_ID) {
    missing('CLIENT_SECRET', 'a client secret or MANAGED_IDENTITY_CLIENT_ID is required to reply as the bot');
  }
  if (env.ALLOWED_TENANT_IDS.length === 0) {
    missing('ALLOWED_TENANT_IDS', 'list the tenant ids allowed to use the bot (comma-separated)');
  }
});

/** Every setting the bot reads at start-up. */
export const settingNames = Object.keys(settingsSchema.shape) as (keyof typeof settingsSchema.shape)[];

/**
 * What a production deployment must set (the infrastructure provides each). CLIENT_SECRET is not among them:
 * in Azure the bot signs in with a managed identity (MANAGED_IDENTITY_CLIENT_ID), so no secret exists.
 */
export const productionSettings = [
  'CLIENT_ID',
  'TENANT_ID',
  'MANAGED_IDENTITY_CLIENT_ID',
  'ALLOWED_TENANT_IDS',
  'DATABASE_URL',
  'ADMIN_OBJECT_IDS',
  'ADDIN_CLIENT_ID',
  'API_AUDIENCE',
  'RETENTION_YEARS',
  'PURGE_HOUR',
  'LOG_LEVEL',
] as const satisfies readonly (typeof settingNames)[number][];

export interface BotConfig {
  port: number;
  /** 127.0.0.1 when unauthenticated requests are allowed, so nothing off this machine can reach the bot. */
  host: string;
  auth:
    | { kind: 'dangerouslyUnauthenticated' }
    | {
        kind: 'entra';
        clientId: string;
        tenantId: string;
        clientSecret?: string;
        managedIdentityClientId?: string;
      };
  allowedTenantIds: string[];
  database: { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string };
  directoryFile: string;
  rolesFile?: string;
  /** Who administers the app before anyone is added in it: object ids, and holders of the app role. */
  admin: { objectIds: string[]; appRole: string };
  retentionYears: number;
  /** The UTC hour of the daily purge (null: none). On by default in production, off for local use. */
  purgeHourUtc: number | null;
  logLevel: 'error' | 'warn' | 'info' | 'debug';
  api: { clientId: string; audience: string; scope: string; loginEndpoint: string };
  /** What a case's student identifier may be: initials and/or a reference in the deployment's scheme. */
  studentIdentifier: IdentifierRule;
  /**
   * The printable decision record page (…/addin/record.html), for the case card's Record button, and the
   * Teams app's id when known (the button then opens the page inside Teams).
   */
  recordPage?: { url: string; teamsAppId?: string };
  /** The Microsoft cloud: where Teams' tokens are issued and their keys published, and where the bot signs in. */
  cloud: CloudEnvironment;
}

export class ConfigError extends Error {
  readonly reason = 'invalidConfiguration' as const;
  readonly problems: string[];
  constructor(problems: string[]) {
    super(
      `The bot cannot start; fix its configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`,
    );
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/** The environment without empty variables: DATABASE_URL= means "not set", as in most deployment tools. */
function given(env: NodeJS.ProcessEnv) {
  return Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ''),
  );
}

function parseOrFail<T>(result: { success: true; data: T } | { success: false; error: z.ZodError }): T {
  if (result.success) return result.data;
  throw new ConfigError(problemsOf(result.error, '').map((problem) => `${problem.path}: ${problem.message}`));
}

const storeSchema = settingsSchema.pick({
  DATABASE_URL: true,
  DATA_DIR: true,
  RETENTION_YEARS: true,
  DIRECTORY_FILE: true,
  ROLES_FILE: true,
});

const storeOf = (e: { DATABASE_URL?: string | undefined; DATA_DIR: string }): BotConfig['database'] =>
  e.DATABASE_URL ? { kind: 'postgres', url: e.DATABASE_URL } : { kind: 'pglite', dataDir: e.DATA_DIR };

/** Only what a command that works on the store needs (`npm run purge`, `npm run admin`): no Teams or sign-in. */
export function readStoreConfig(
  env: NodeJS.ProcessEnv = process.env,
): Pick<BotConfig, 'database' | 'retentionYears' | 'directoryFile' | 'rolesFile'> {
  const e = parseOrFail(storeSchema.safeParse(given(env)));
  return {
    database: storeOf(e),
    retentionYears: e.RETENTION_YEARS,
    directoryFile: e.DIRECTORY_FILE,
    ...(e.ROLES_FILE ? { rolesFile: e.ROLES_FILE } : {}),
  };
}

/** The deployment's identifier rule, checked now so a pattern that would let names through stops the start. */
function studentIdentifierOf(pattern: string | undefined, example: string | undefined): IdentifierRule {
  if (pattern === undefined && example === undefined) return defaultIdentifierRule;
  const rule = identifierRule(pattern ?? defaultIdentifierRule.referencePattern, example ?? '');
  if (rule.ok) return rule.value;
  const setting =
    rule.error.reason === 'exampleNotAReference' ? 'STUDENT_REFERENCE_EXAMPLE' : 'STUDENT_REFERENCE_PATTERN';
  throw new ConfigError([`${setting}: ${rule.error.message}`]);
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): BotConfig {
  const e = parseOrFail(environmentSchema.safeParse(given(env)));
  const studentIdentifier = studentIdentifierOf(e.STUDENT_REFERENCE_PATTERN, e.STUDENT_REFERENCE_EXAMPLE);
  const unauthenticated = e.DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS;
  const cloud = e.BOT_OPENID_METADATA_URL
    ? withOverrides(e.CLOUD, { openIdMetadataUrl: e.BOT_OPENID_METADATA_URL })
    : e.CLOUD;
  return {
    port: e.PORT,
    host: unauthenticated ? '127.0.0.1' : '0.0.0.0',
    auth:
      unauthenticated || !e.CLIENT_ID || !e.TENANT_ID
        ? { kind: 'dangerouslyUnauthenticated' }
        : {
            kind: 'entra',
            clientId: e.CLIENT_ID,
            tenantId: e.TENANT_ID,
            ...(e.CLIENT_SECRET ? { clientSecret: e.CLIENT_SECRET } : {}),
            ...(e.MANAGED_IDENTITY_CLIENT_ID
              ? { managedIdentityClientId: e.MANAGED_IDENTITY_CLIENT_ID }
              : {}),
          },
    allowedTenantIds: e.ALLOWED_TENANT_IDS,
    database: storeOf(e),
    directoryFile: e.DIRECTORY_FILE,
    ...(e.ROLES_FILE ? { rolesFile: e.ROLES_FILE } : {}),
    admin: { objectIds: e.ADMIN_OBJECT_IDS.map((id) => id.toLowerCase()), appRole: e.ADMIN_APP_ROLE },
    retentionYears: e.RETENTION_YEARS,
    purgeHourUtc: e.PURGE_HOUR === 'off' ? null : (e.PURGE_HOUR ?? (unauthenticated ? null : 2)),
    logLevel: e.LOG_LEVEL,
    api: {
      clientId: e.ADDIN_CLIENT_ID ?? e.CLIENT_ID ?? 'local',
      audience: e.API_AUDIENCE ?? `api://${e.ADDIN_CLIENT_ID ?? e.CLIENT_ID ?? 'local'}`,
      scope: e.API_SCOPE,
      loginEndpoint: (e.ENTRA_LOGIN_ENDPOINT ?? cloud.loginEndpoint).replace(/\/$/, ''),
    },
    studentIdentifier,
    ...(e.PUBLIC_URL
      ? {
          recordPage: {
            url: `${e.PUBLIC_URL}/addin/record.html`,
            ...(e.TEAMS_APP_ID ? { teamsAppId: e.TEAMS_APP_ID } : {}),
          },
        }
      : unauthenticated
        ? { recordPage: { url: `http://localhost:${e.PORT}/addin/record-preview.html` } }
        : {}),
    cloud,
  };
}
