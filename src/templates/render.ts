import { partnershipById, type Directory } from '../directory/directory.ts';
import { formatIsoDate, formatLongDate, parseIsoDate } from '../text/dates.ts';
import { escapeHtml } from '../text/html.ts';
import { ownerLabel, type ActionPlan } from '../plans/actionPlan.ts';
import type { BlockStyle, EmailTemplate } from './emailTemplates.ts';
import {
  fieldIds,
  meetingTypeLabels,
  pspMeetingLongLabels,
  switchFields,
  type FieldId,
  type Fields,
} from './fields.ts';
import type { DirectoryKey, FieldFormat, Segment } from './templateText.ts';

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

export type RenderResult =
  | { ok: true; email: RenderedEmail }
  /** `subject` is filled when the subject's own fields are known, so a list of drafts can still name them. */
  | { ok: false; missing: FieldId[]; subject: string | null };

/** A piece of output: plain words, or a link whose text and address differ. */
type Piece = { text: string } | { text: string; href: string };

function isGiven(fields: Fields, field: FieldId): boolean {
  const value = fields[field];
  return switchFields.includes(field) ? value === true : value !== undefined;
}

function fieldText(
  fields: Fields,
  field: FieldId,
  format: FieldFormat | undefined,
  directory: Directory,
): string {
  switch (field) {
    case 'meetingType':
      return fields.meetingType ? meetingTypeLabels[fields.meetingType] : '';
    case 'meetingDate': {
      const date = fields.meetingDate ? parseIsoDate(fields.meetingDate) : undefined;
      return date ? formatLongDate(date) : '';
    }
    case 'pspMeeting':
      if (!fields.pspMeeting) return '';
      return format === 'long' ? pspMeetingLongLabels[fields.pspMeeting] : fields.pspMeeting;
    case 'partnership':
      if (!fields.partnership) return '';
      return format === 'name' ? partnershipById(directory, fields.partnership).name : fields.partnership;
    case 'actionPlan':
      return fields.actionPlan && format === 'reviewDate' ? formatIsoDate(fields.actionPlan.reviewDate) : '';
    case 'attendee': {
      const value = fields.attendee ?? '';
      return format === 'sentence' ? value.charAt(0).toUpperCase() + value.slice(1) : value;
    }
    default: {
      const value = fields[field];
      return typeof value === 'string' ? value : '';
    }
  }
}

function directoryPiece(directory: Directory, key: DirectoryKey): Piece {
  const { lps, cityBap } = directory.contacts;
  switch (key) {
    case 'lps.headSalutation':
      return { text: lps.headSalutation };
    case 'lps.referralEmail':
      return { text: lps.referralEmail, href: `mailto:${lps.referralEmail}` };
    case 'cityBap.contactName':
      return { text: cityBap.contactName };
    case 'cityBap.contactPossessive':
      return { text: cityBap.contactPossessive };
    case 'cityBap.email':
      return { text: cityBap.email, href: `mailto:${cityBap.email}` };
    case 'links.website':
      // Shown as the seed shows it, "www.leicsseips.org", without the scheme.
      return {
        text: directory.links.website.replace(/^https:\/\//, '').replace(/\/$/, ''),
        href: directory.links.website,
      };
    case 'links.apLists':
      return { text: directory.links.apLists, href: directory.links.apLists };
  }
}

/** Whether an {if:…} shows its words: one of its fields is given, or, negated, its switch is not on. */
const shows = (segment: Extract<Segment, { kind: 'if' }>, fields: Fields) =>
  segment.anyOf.some((field) => isGiven(fields, field)) !== (segment.negate === true);

/** The fields a list of segments needs, given which optional parts the fields switch on. */
function neededFields(segments: readonly Segment[], fields: Fields, into: Set<FieldId>): void {
  for (const segment of segments) {
    if (segment.kind === 'field') into.add(segment.field);
    if (segment.kind === 'if' && shows(segment, fields)) {
      neededFields(segment.body, fields, into);
    }
  }
}

function pieces(segments: readonly Segment[], fields: Fields, directory: Directory): Piece[] {
  return segments.flatMap((segment): Piece[] => {
    switch (segment.kind) {
      case 'text':
        return [{ text: segment.text }];
      case 'field':
        return [{ text: fieldText(fields, segment.field, segment.format, directory) }];
      case 'directory':
        return [directoryPiece(directory, segment.key)];
      case 'if':
        return shows(segment, fields) ? pieces(segment.body, fields, directory) : [];
    }
  });
}

const asText = (list: readonly Piece[]) => list.map((piece) => piece.text).join('');
const asHtml = (list: readonly Piece[]) =>
  list
    .map((piece) =>
      'href' in piece
        ? `<a href="${escapeHtml(piece.href)}">${escapeHtml(piece.text)}</a>`
        : escapeHtml(piece.text),
    )
    .join('');

/**
 * Renders a template with the fields given. Every required field must be present: if any is missing, no body
 * is rendered and the missing fields are listed (in domain.md's order), so no half-filled email or bracketed
 * placeholder can reach a draft. Every value is escaped in the HTML.
 */
export function renderEmail(template: EmailTemplate, fields: Fields, directory: Directory): RenderResult {
  const needed = new Set<FieldId>();
  neededFields(template.subject, fields, needed);
  const subjectComplete = [...needed].every((field) => isGiven(fields, field));
  const subject = subjectComplete ? asText(pieces(template.subject, fields, directory)) : null;
  for (const block of template.blocks) {
    neededFields(block.segments, fields, needed);
    if (block.style !== 'p' && block.style !== 'student') needed.add('actionPlan');
  }
  const missing = fieldIds.filter((field) => needed.has(field) && !isGiven(fields, field));
  if (missing.length > 0) return { ok: false, missing, subject };

  const blocks = template.blocks.flatMap((block) =>
    renderBlock(block.style, pieces(block.segments, fields, directory), fields, directory),
  );
  return {
    ok: true,
    email: {
      subject: subject ?? '',
      html: blocks.map((block) => block.html).join('\n'),
      text: blocks.map((block) => block.text).join('\n\n'),
    },
  };
}

/** One block as HTML and plain text; an action plan's part with nothing to show is left out. */
function renderBlock(
  style: BlockStyle,
  content: Piece[],
  fields: Fields,
  directory: Directory,
): { html: string; text: string }[] {
  const lead = { html: `<p>${asHtml(content)}</p>`, text: asText(content) };
  if (style === 'p') return [lead];
  if (style === 'student') return [{ html: `<p><strong>${asHtml(content)}</strong></p>`, text: lead.text }];
  // renderEmail has checked that the plan is given before any block is rendered.
  const plan = fields.actionPlan as ActionPlan;
  switch (style) {
    case 'advice': {
      if (plan.advice === '') return [];
      const paragraphs = plan.advice.split(/\n\s*\n/).map((paragraph) => paragraph.trim());
      return [
        {
          html: [lead.html, ...paragraphs.map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)].join(
            '\n',
          ),
          text: [lead.text, ...paragraphs].join('\n\n'),
        },
      ];
    }
    case 'links': {
      const links = plan.links.flatMap((id) => directory.resources.filter((resource) => resource.id === id));
      if (links.length === 0) return [];
      const items = links.map(
        (link) => `<li><a href="${escapeHtml(link.url)}">${escapeHtml(link.title)}</a></li>`,
      );
      return [
        {
          html: `${lead.html}\n<ul>${items.join('')}</ul>`,
          text: [lead.text, ...links.map((link) => `- ${link.title}: ${link.url}`)].join('\n'),
        },
      ];
    }
    case 'actions': {
      if (plan.actions.length === 0)
        return [
          {
            html: '<p>No further actions were agreed at the meeting.</p>',
            text: 'No further actions were agreed at the meeting.',
          },
        ];
      const cell = 'style="border:1px solid #8a8886;padding:4px 8px;text-align:left;vertical-align:top"';
      const rows = plan.actions.map(
        (action) =>
          `<tr><td ${cell}>${escapeHtml(ownerLabel(directory, action.owner))}</td><td ${cell}>${escapeHtml(action.action)}</td><td ${cell}>${escapeHtml(formatIsoDate(action.by))}</td></tr>`,
      );
      const head = ['Who', 'What is to be done', 'By when'].map(
        (title) => `<th scope="col" ${cell}>${title}</th>`,
      );
      return [
        {
          html: `${lead.html}\n<table style="border-collapse:collapse"><thead><tr>${head.join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`,
          text: [
            lead.text,
            ...plan.actions.map(
              (action) =>
                `- ${ownerLabel(directory, action.owner)}: ${action.action} (by ${formatIsoDate(action.by)})`,
            ),
          ].join('\n'),
        },
      ];
    }
  }
}

/** Every field a template can use (in domain.md's order), including those of its optional sentences. */
export function fieldsUsedBy(template: EmailTemplate): FieldId[] {
  const used = new Set<FieldId>();
  const walk = (segments: readonly Segment[]) => {
    for (const segment of segments) {
      if (segment.kind === 'field') used.add(segment.field);
      if (segment.kind === 'if') {
        segment.anyOf.forEach((field) => used.add(field));
        walk(segment.body);
      }
    }
  };
  walk(template.subject);
  template.blocks.forEach((block) => {
    walk(block.segments);
    if (block.style !== 'p' && block.style !== 'student') used.add('actionPlan');
  });
  return fieldIds.filter((field) => used.has(field));
}
