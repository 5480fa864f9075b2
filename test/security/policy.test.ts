import { describe, expect, it } from 'vitest';
import {
  changesAsAdministrator,
  listsCase,
  permissions,
  type Person,
  type PermissionName,
} from '../../src/auth/policy.ts';

/**
 * The policy on its own, for the people the authorisation matrix (authorisationMatrix.test.ts) does not put in
 * the case's chat: above all another partnership's coordinator who is in it, who may follow the case there but
 * never run it, close its vote or read its record.
 */

const slipCoordinator: Person = {
  id: 'c-slip',
  standing: 'member',
  coordinates: ['SLIP'],
  administers: false,
};
const hbepCoordinator: Person = {
  id: 'c-hbep',
  standing: 'member',
  coordinates: ['HBEP'],
  administers: false,
};
const member: Person = { id: 'm-1', standing: 'member', coordinates: [], administers: false };
const guest: Person = { id: 'g-1', standing: 'guest', coordinates: [], administers: false };
const anonymous: Person = { standing: 'anonymous', coordinates: [], administers: false };
const signedOut: Person = { id: 'c-slip', standing: 'signedOut', coordinates: ['SLIP'], administers: true };
const administrator: Person = { id: 'a-1', standing: 'member', coordinates: [], administers: true };
// A coordinator's account without an object id (never a real sign-in) is nobody's.
const noId: Person = { standing: 'member', coordinates: ['SLIP'], administers: true };

const inChat = { partnership: 'SLIP', inCaseChat: true } as const;
const elsewhere = { partnership: 'SLIP', inCaseChat: false } as const;
const vote = (eligible: boolean, inCaseChat = true) =>
  ({ partnership: 'SLIP', inCaseChat, eligible }) as const;

describe('the authorisation policy', () => {
  it('lets another partnership’s coordinator in the case’s chat follow the case, and nothing more', () => {
    expect(permissions.seeCase(hbepCoordinator, inChat)).toBe('allow');
    expect(permissions.runCase(hbepCoordinator, inChat)).toBe('refuse');
    expect(permissions.seeCaseRecord(hbepCoordinator, inChat)).toBe('refuse');
    expect(permissions.seeVote(hbepCoordinator, vote(false))).toBe('allow');
    expect(permissions.manageVote(hbepCoordinator, vote(false))).toBe('refuse');
    expect(permissions.manageVote(hbepCoordinator, vote(true))).toBe('refuse');
    expect(permissions.castVote(hbepCoordinator, vote(false))).toBe('refuse');
    expect(permissions.draftCaseEmails(hbepCoordinator, { partnership: 'SLIP' })).toBe('conceal');
    expect(permissions.startCase(hbepCoordinator, { partnership: 'SLIP', inChat: true })).toBe('refuse');
    expect(listsCase(hbepCoordinator, 'SLIP')).toBe(false);
    expect(listsCase(hbepCoordinator, 'HBEP')).toBe(true);
  });

  it('conceals a case and its vote from another partnership’s coordinator outside its chat', () => {
    for (const name of ['seeCase', 'runCase', 'seeCaseRecord'] as const)
      expect([name, permissions[name](hbepCoordinator, elsewhere)]).toEqual([name, 'conceal']);
    for (const name of ['seeVote', 'castVote', 'manageVote'] as const)
      expect([name, permissions[name](hbepCoordinator, vote(false, false))]).toEqual([name, 'conceal']);
    expect(permissions.managePartnership(hbepCoordinator, { partnership: 'SLIP' })).toBe('conceal');
  });

  it('lets the case’s coordinator run it and close its vote only in its chat, and see it anywhere', () => {
    expect(permissions.runCase(slipCoordinator, inChat)).toBe('allow');
    expect(permissions.runCase(slipCoordinator, elsewhere)).toBe('refuse');
    expect(permissions.manageVote(slipCoordinator, vote(false))).toBe('allow');
    expect(permissions.manageVote(slipCoordinator, vote(false, false))).toBe('refuse');
    expect(permissions.seeCase(slipCoordinator, elsewhere)).toBe('allow');
    expect(permissions.seeCaseRecord(slipCoordinator, elsewhere)).toBe('allow');
    expect(permissions.draftCaseEmails(slipCoordinator, { partnership: 'SLIP' })).toBe('allow');
    expect(permissions.startCase(slipCoordinator, { partnership: 'SLIP' })).toBe('allow');
    expect(permissions.startCase(slipCoordinator, { partnership: 'SLIP', inChat: false })).toBe('refuse');
    expect(permissions.startCase(slipCoordinator, { partnership: 'HBEP', inChat: true })).toBe('refuse');
    expect(permissions.managePartnership(slipCoordinator, { partnership: 'SLIP' })).toBe('allow');
    expect(changesAsAdministrator(slipCoordinator)).toBe(false);
  });

  it('lets those a vote was opened for cast it wherever they click, a guest account included', () => {
    expect(permissions.castVote(member, vote(true, false))).toBe('allow');
    expect(permissions.castVote(guest, vote(true, false))).toBe('allow');
    expect(permissions.castVote(member, vote(false))).toBe('refuse');
    expect(permissions.castVote(member, vote(false, false))).toBe('conceal');
    expect(permissions.castVote(anonymous, vote(true))).toBe('conceal');
    expect(permissions.manageVote(member, vote(true))).toBe('refuse');
    expect(permissions.seeCase(guest, inChat)).toBe('conceal');
    expect(permissions.seeVote(guest, vote(true))).toBe('allow');
  });

  it('gives an administrator the settings but not the cases, and refuses everyone else', () => {
    expect(permissions.seeCase(administrator, elsewhere)).toBe('conceal');
    expect(permissions.draftCaseEmails(administrator, { partnership: 'SLIP' })).toBe('refuse');
    expect(permissions.useCoordinatorTools(administrator)).toBe('refuse');
    for (const name of ['useAdministration', 'seeCounty', 'manageCounty', 'manageAdministrators'] as const)
      expect([name, permissions[name](administrator)]).toEqual([name, 'allow']);
    expect(permissions.managePartnership(administrator, { partnership: 'HBEP' })).toBe('allow');
    expect(changesAsAdministrator(administrator)).toBe(true);
    expect(permissions.managePartnership(member, { partnership: 'SLIP' })).toBe('refuse');
    expect(permissions.useAdministration(member)).toBe('refuse');
    expect(permissions.useAdministration(slipCoordinator)).toBe('allow');
    expect(permissions.seeCounty(slipCoordinator)).toBe('allow');
    expect(permissions.manageCounty(slipCoordinator)).toBe('refuse');
    expect(permissions.manageAdministrators(slipCoordinator)).toBe('refuse');
    expect(permissions.seeDirectory(member)).toBe('allow');
    expect(permissions.seeDirectory(guest)).toBe('refuse');
    expect(permissions.listChatCases(slipCoordinator, { inChat: true })).toBe('allow');
    expect(permissions.listChatCases(slipCoordinator, { inChat: false })).toBe('refuse');
    expect(permissions.listChatCases(member, { inChat: true })).toBe('refuse');
  });

  it('allows nothing to someone signed out, anonymous or without an object id, whatever they claim', () => {
    const partnership = { partnership: 'SLIP' } as const;
    const asks: [PermissionName, (person: Person) => string][] = [
      ['useCoordinatorTools', (person) => permissions.useCoordinatorTools(person)],
      ['startCase', (person) => permissions.startCase(person, partnership)],
      ['seeCase', (person) => permissions.seeCase(person, inChat)],
      ['runCase', (person) => permissions.runCase(person, inChat)],
      ['seeCaseRecord', (person) => permissions.seeCaseRecord(person, inChat)],
      ['draftCaseEmails', (person) => permissions.draftCaseEmails(person, partnership)],
      ['seeVote', (person) => permissions.seeVote(person, vote(true))],
      ['castVote', (person) => permissions.castVote(person, vote(true))],
      ['manageVote', (person) => permissions.manageVote(person, vote(true))],
      ['listChatCases', (person) => permissions.listChatCases(person, { inChat: true })],
      ['seeDirectory', (person) => permissions.seeDirectory(person)],
      ['useAdministration', (person) => permissions.useAdministration(person)],
      ['managePartnership', (person) => permissions.managePartnership(person, partnership)],
      ['seeCounty', (person) => permissions.seeCounty(person)],
      ['manageCounty', (person) => permissions.manageCounty(person)],
      ['manageAdministrators', (person) => permissions.manageAdministrators(person)],
      ['writeActionPlan', (person) => permissions.writeActionPlan(person, inChat)],
      ['seeReports', (person) => permissions.seeReports(person, partnership)],
      ['seeCountyReports', (person) => permissions.seeCountyReports(person)],
      ['seeDecisionRecord', (person) => permissions.seeDecisionRecord(person, partnership)],
      ['holdRecords', (person) => permissions.holdRecords(person)],
    ];
    expect(asks.map(([name]) => name).sort()).toEqual(Object.keys(permissions).sort());
    for (const person of [signedOut, anonymous, noId])
      for (const [name, ask] of asks) expect([person.standing, name, ask(person)]).not.toContain('allow');
    expect(listsCase(noId, 'SLIP')).toBe(false);
    expect(changesAsAdministrator(signedOut)).toBe(false);
  });
});
