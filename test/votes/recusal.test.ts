import { describe, expect, it } from 'vitest';
import { panelForCase } from '../../src/votes/recusal.ts';

describe('who votes on a case from a configured panel', () => {
  const panel = [
    { aadObjectId: 'a-1', name: 'Member 1', schoolId: 'wigston-college' },
    { aadObjectId: 'a-2', name: 'Member 2', schoolId: null },
    { aadObjectId: 'a-3', name: 'Member 3', schoolId: 'beauchamp-college' },
  ];

  it('recuses the members who represent the referring school, and only them', () => {
    expect(panelForCase(panel, 'wigston-college')).toEqual({
      eligible: [
        { id: 'a-2', name: 'Member 2' },
        { id: 'a-3', name: 'Member 3' },
      ],
      recused: [{ id: 'a-1', name: 'Member 1', reason: 'representsReferringSchool' }],
    });
  });

  it('recuses nobody when no member represents the school', () => {
    expect(panelForCase(panel, 'lutterworth-college')).toEqual({
      eligible: panel.map((entry) => ({ id: entry.aadObjectId, name: entry.name })),
      recused: [],
    });
  });
});
