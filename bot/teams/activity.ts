import { z } from 'zod';

/**
 * The parts of an incoming Teams activity the app relies on, checked before the SDK processes it. Anything
 * else in the activity is passed through untouched.
 */
export const activitySchema = z.looseObject({
  type: z.string().min(1).max(64),
  id: z.string().max(512).optional(),
  serviceUrl: z.url().max(2048).optional(),
  channelId: z.string().max(64).optional(),
  from: z.looseObject({
    id: z.string().min(1).max(512),
    name: z.string().max(256).optional(),
    aadObjectId: z.string().max(128).optional(),
  }),
  conversation: z.looseObject({
    id: z.string().min(1).max(1024),
    tenantId: z.string().max(128).optional(),
    conversationType: z.string().max(64).optional(),
  }),
  recipient: z.looseObject({ id: z.string().min(1).max(512) }),
  text: z.string().max(28_000).optional(),
  replyToId: z.string().max(512).optional(),
  channelData: z
    .looseObject({
      tenant: z.looseObject({ id: z.string().max(128) }).optional(),
      meeting: z.looseObject({ id: z.string().max(1024) }).optional(),
    })
    .optional(),
});

export type IncomingActivity = z.output<typeof activitySchema>;

/** The Entra tenant an activity comes from, if it says. */
export function tenantOf(activity: IncomingActivity): string | undefined {
  return activity.conversation.tenantId ?? activity.channelData?.tenant?.id;
}
