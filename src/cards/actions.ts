import { z } from 'zod';

/**
 * The card actions the bot answers, by verb, each with the schema of its data. Mapped once here, so the card
 * builders and the bot's router cannot disagree. Teams merges the card's input values (always strings) into
 * the action's data.
 */

const uuid = z.uuid({ error: 'expected a case or vote id' });
/** An Input.Toggle's value ('true' or 'false', or a boolean from a bot-built payload); absent means off. */
const toggle = z
  .union([z.boolean(), z.enum(['true', 'false'])])
  .optional()
  .transform((value) => value === true || value === 'true');
const optionalText = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value));

/** A form's inputs beside the declared data (the action plan's rows): text only, and not too many. */
const withInputs = <T extends z.ZodRawShape>(shape: T) =>
  z
    .object(shape)
    .catchall(z.string().max(4000))
    .refine((data) => Object.keys(data).length <= 200, 'too many inputs');

/** A row count sent back by the plan form (a number, or a string from a fallback Action.Submit). */
const rows = z.coerce.number().int().min(0).max(30).optional();

export const cardActionSchemas = {
  /** Without a flow, asks which situation it is; with one, the form to start a case of that flow. */
  'case.new': z.object({ flow: z.string().max(40).optional() }),
  'case.start': z.object({
    /** The flow the form was for (absent on cards sent before there were two: the city-address flow). */
    flow: optionalText,
    /** Start it even though a case for the same student, school and section is already in this meeting. */
    duplicateOk: toggle,
    schoolName: optionalText,
    partnership: optionalText,
    schoolId: optionalText,
    keyLinkName: optionalText,
    keyLinkEmail: optionalText,
    student: optionalText,
    meetingType: optionalText,
    meetingDate: optionalText,
    section: optionalText,
    consent: optionalText,
  }),
  'case.answer': z.object({
    caseId: uuid,
    question: z.string().min(1).max(60),
    /** The answer for yes/no and choice questions; checklists send their toggles as item_<id> inputs. */
    value: z.union([z.boolean(), z.string().max(60)]).optional(),
  }),
  'case.change': z.object({ caseId: uuid, question: z.string().min(1).max(60) }),
  'case.show': z.object({ caseId: uuid }),
  'case.history': z.object({ caseId: uuid }),
  /** Withdraws a case started in error: without `confirm`, asks first. */
  'case.withdraw': z.object({ caseId: uuid, confirm: toggle }),
  'case.list': z.object({}),
  /** The action plan form: opened from the case card, re-shown with a row more or the outcome's actions. */
  'plan.edit': withInputs({ caseId: uuid, rows, addOutcome: toggle }),
  'plan.save': withInputs({ caseId: uuid, rows }),
  'plan.review': z.object({ caseId: uuid }),
  'plan.reviewSave': withInputs({ caseId: uuid }),
  /** Ends the forum: one summary of every case of the meeting, its outcome, its plan and the emails to draft. */
  'forum.finish': z.object({}),
  'vote.open': z.object({
    caseId: uuid,
    question: z.string().min(1).max(60),
    anonymous: toggle,
    /** A named vote's tally hidden until it closes (an anonymous vote's always is). */
    resultsHidden: toggle,
    quorum: optionalText,
    /** The Core Group vote opened although the case's action plan was not reviewed (after a warning). */
    withoutReview: toggle,
  }),
  'vote.cast': z.object({ voteId: uuid, choice: z.string().min(1).max(60) }),
  'vote.close': z.object({ voteId: uuid, casting: z.string().min(1).max(60).optional() }),
  'vote.refresh': z.object({ voteId: uuid }),
  /** A member declares an interest: they do not vote on it, and a named ballot of theirs is withdrawn. */
  'vote.recuse': z.object({ voteId: uuid }),
} as const;

export type CardVerb = keyof typeof cardActionSchemas;
export type CardActionData<V extends CardVerb> = z.output<(typeof cardActionSchemas)[V]>;
export type CardAction = { [V in CardVerb]: { verb: V; data: CardActionData<V> } }[CardVerb];

export const cardVerbs = Object.keys(cardActionSchemas) as CardVerb[];

/** The prefix of checklist toggle inputs: item_<itemId>. */
export const CHECKLIST_INPUT_PREFIX = 'item_';
