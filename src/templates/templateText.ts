import { didYouMean } from '../text/suggest.ts';
import { fieldIds, switchFields, type FieldId } from './fields.ts';

/**
 * The small language the email templates are written in, parsed and checked when the templates load:
 *   {student}             a field's value
 *   {pspMeeting:long}     a field in another form (long, sentence = capital first letter, name = full name,
 *                         reviewDate = the action plan's review date written out)
 *   {dir:lps.referralEmail} a contact or link from the directory (links become <a> in HTML)
 *   {if:a|b} … {/if}      words shown only when one of the fields is given (or, for a switch, true)
 *   {if:!s} … {/if}       words shown only when the switch s is off (the other wording of one sentence)
 */

export const directoryKeys = [
  'lps.headSalutation',
  'lps.referralEmail',
  'cityBap.contactName',
  'cityBap.contactPossessive',
  'cityBap.email',
  'links.website',
  'links.apLists',
] as const;
export type DirectoryKey = (typeof directoryKeys)[number];

export const fieldFormats = ['long', 'sentence', 'name', 'reviewDate'] as const;
export type FieldFormat = (typeof fieldFormats)[number];

/** Which fields each format applies to. */
const formatFields: Record<FieldFormat, readonly FieldId[]> = {
  long: ['pspMeeting'],
  sentence: ['attendee'],
  name: ['partnership'],
  reviewDate: ['actionPlan'],
};

export type Segment =
  | { kind: 'text'; text: string }
  | { kind: 'field'; field: FieldId; format?: FieldFormat }
  | { kind: 'directory'; key: DirectoryKey }
  | { kind: 'if'; anyOf: FieldId[]; body: Segment[]; negate?: true };

export class TemplateSyntaxError extends Error {
  constructor(where: string, message: string) {
    super(`${where}: ${message}`);
    this.name = 'TemplateSyntaxError';
  }
}

const PLACEHOLDER = /\{([^{}]*)\}/g;

function parseField(where: string, body: string): Segment {
  const [name = '', format, ...rest] = body.split(':');
  if (!fieldIds.includes(name as FieldId)) {
    throw new TemplateSyntaxError(
      where,
      `{${body}} names no field${didYouMean(name, fieldIds)}; fields are: ${fieldIds.join(', ')}`,
    );
  }
  const field = name as FieldId;
  if (switchFields.includes(field)) {
    throw new TemplateSyntaxError(where, `{${body}} is a switch: use it as {if:${field}} … {/if}`);
  }
  if (format === undefined && field === 'actionPlan')
    throw new TemplateSyntaxError(
      where,
      '{actionPlan} is a whole plan: use {actionPlan:reviewDate}, or a block of style advice, links or actions',
    );
  if (format === undefined) return { kind: 'field', field };
  if (rest.length > 0 || !fieldFormats.includes(format as FieldFormat)) {
    throw new TemplateSyntaxError(
      where,
      `{${body}}: "${format}" is not a format${didYouMean(format, fieldFormats)}; formats are: ${fieldFormats.join(', ')}`,
    );
  }
  if (!formatFields[format as FieldFormat].includes(field)) {
    throw new TemplateSyntaxError(
      where,
      `{${body}}: the ${format} format applies to ${formatFields[format as FieldFormat].join(', ')}, not ${field}`,
    );
  }
  return { kind: 'field', field, format: format as FieldFormat };
}

/** Parses one block of template text into segments; throws a TemplateSyntaxError naming `where` on any slip. */
export function parseTemplateText(where: string, source: string): Segment[] {
  const root: Segment[] = [];
  let current = root;
  let open: { anyOf: FieldId[]; body: Segment[]; negate?: true } | undefined;
  let last = 0;

  const pushText = (text: string) => {
    if (text === '') return;
    if (/[<>{}]/.test(text)) {
      throw new TemplateSyntaxError(
        where,
        `"${text.trim().slice(0, 40)}" has a stray < > { or }: seed placeholders must become {field} placeholders`,
      );
    }
    current.push({ kind: 'text', text });
  };

  for (const match of source.matchAll(PLACEHOLDER)) {
    pushText(source.slice(last, match.index));
    last = match.index + match[0].length;
    const body = match[1] ?? '';
    if (body.startsWith('if:')) {
      if (open)
        throw new TemplateSyntaxError(
          where,
          `{${body}} opens inside another {if}; close the first with {/if}`,
        );
      const negate = body.startsWith('if:!');
      const names = body.slice(negate ? 4 : 3).split('|');
      if (negate && (names.length !== 1 || !switchFields.includes(names[0] as FieldId))) {
        throw new TemplateSyntaxError(
          where,
          `{${body}}: only a single switch can be negated, as {if:!switch}`,
        );
      }
      for (const name of names) {
        if (!fieldIds.includes(name as FieldId)) {
          throw new TemplateSyntaxError(
            where,
            `{${body}}: "${name}" is not a field${didYouMean(name, fieldIds)}`,
          );
        }
      }
      open = { anyOf: names as FieldId[], body: [], ...(negate ? { negate: true as const } : {}) };
      current = open.body;
    } else if (body === '/if') {
      if (!open) throw new TemplateSyntaxError(where, '{/if} without an {if:…} before it');
      root.push({ kind: 'if', ...open });
      open = undefined;
      current = root;
    } else if (body.startsWith('dir:')) {
      const key = body.slice(4);
      if (!directoryKeys.includes(key as DirectoryKey)) {
        throw new TemplateSyntaxError(
          where,
          `{${body}} names no directory entry${didYouMean(key, directoryKeys)}; entries are: ${directoryKeys.join(', ')}`,
        );
      }
      current.push({ kind: 'directory', key: key as DirectoryKey });
    } else {
      current.push(parseField(where, body));
    }
  }
  pushText(source.slice(last));
  if (open) throw new TemplateSyntaxError(where, `{if:${open.anyOf.join('|')}} is never closed; add {/if}`);
  return root;
}
