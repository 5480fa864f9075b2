// The harness the tests share with the bench lives in harness/ (see the README's "How it is built").
export * from '../../harness/teams.ts';
