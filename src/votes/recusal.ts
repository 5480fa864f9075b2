import type { PanelMember } from '../settings/settings.ts';
import type { VoteView } from './vote.ts';

type Member = VoteView['eligible'][number];
type Recused = VoteView['recused'][number];

/**
 * Who votes on a case from a configured panel: everyone but the members who represent the referring school,
 * who are recused. A member with no school represents none, so is never recused automatically.
 */
export function panelForCase(
  panel: readonly PanelMember[],
  referringSchoolId: string,
): { eligible: Member[]; recused: Recused[] } {
  const member = (entry: PanelMember): Member => ({ id: entry.aadObjectId, name: entry.name });
  return {
    eligible: panel.filter((entry) => entry.schoolId !== referringSchoolId).map(member),
    recused: panel
      .filter((entry) => entry.schoolId === referringSchoolId)
      .map((entry) => ({ ...member(entry), reason: 'representsReferringSchool' as const })),
  };
}
