import type { Directory } from '../directory/directory.ts';
import type { CaseRecord } from './case.ts';

/**
 * The name a case's school goes by on its cards: the directory's (a school renamed since shows its new name),
 * else the City school's name the case was started with (county-address cases), else its id.
 */
export function schoolNameOf(directory: Directory, record: Pick<CaseRecord, 'schoolId' | 'fields'>): string {
  const school = directory.partnerships
    .flatMap((partnership) => partnership.schools)
    .find((candidate) => candidate.id === record.schoolId);
  return school?.name ?? record.fields.schoolName ?? record.schoolId;
}
