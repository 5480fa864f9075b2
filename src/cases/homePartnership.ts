import { districtTextValues, type Directory } from '../directory/directory.ts';
import { resolveSets } from '../flow/interpret.ts';
import type { Answers } from '../flow/answers.ts';
import type { FlowDefinition } from '../flow/definition.ts';
import { isPartnershipId, type PartnershipId } from '../templates/fields.ts';

/**
 * Whom a City school contacts about a county-address child: the partnership for the district where the child
 * lives (the answer to the flow's question that sets `partnership`), with its coordinators and links from the
 * directory, so contacts are configuration and the outcome names real people.
 */
export interface HomePartnership {
  id: PartnershipId;
  name: string;
  area: string;
  coordinators: { name: string; email: string }[];
  inclusionForumsLink: string;
  referralLink: string;
  aboutUsLink: string;
  sena: { name: string; email: string };
}

export function homePartnership(
  flow: FlowDefinition,
  answers: Answers,
  directory: Directory,
): HomePartnership | undefined {
  for (const [questionId, question] of Object.entries(flow.questions)) {
    if (question.answer.kind !== 'choice') continue;
    const chosen = question.answer.options.find((option) => option.id === answers[questionId]);
    const id = resolveSets(chosen?.sets, districtTextValues(directory)).partnership;
    if (!isPartnershipId(id)) continue;
    const partnership = directory.partnerships.find((candidate) => candidate.id === id);
    if (!partnership) continue;
    return {
      id,
      name: partnership.name,
      area: partnership.area,
      coordinators: partnership.coordinators.map(({ name, email }) => ({ name, email })),
      inclusionForumsLink: directory.links.inclusionForums,
      referralLink: directory.links.makingAReferral,
      aboutUsLink: directory.links.aboutUs,
      sena: { name: directory.contacts.sena.name, email: directory.contacts.sena.email },
    };
  }
  return undefined;
}
