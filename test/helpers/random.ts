/** A small seeded generator, so a failing fuzz run can be replayed with the same seed. */
export function seeded(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const strings = [
    '',
    ' ',
    'null',
    'A',
    'city',
    'yes',
    'true',
    'T1',
    'SLIP',
    'MBP',
    '<script>alert(1)</script>',
    '{{x}}',
    '../../etc/passwd',
    'constructor',
    '__proto__',
    '00000000-0000-4000-8000-000000000000',
    'é'.repeat(300),
    'x'.repeat(70_000),
    '\u202Eevil',
    'John Smith',
    '2026-02-30',
    '%00',
    'DROP TABLE cases;',
  ];
  const value = (depth: number): unknown => {
    const roll = next();
    if (depth <= 0 || roll < 0.45)
      return pick([...strings, 0, -1, 1.5, 1e308, true, false, null, undefined, NaN]);
    if (roll < 0.7) return Array.from({ length: Math.floor(next() * 4) }, () => value(depth - 1));
    return Object.fromEntries(
      Array.from({ length: Math.floor(next() * 5) }, () => [
        pick([
          ...strings,
          'caseId',
          'voteId',
          'question',
          'value',
          'choice',
          'verb',
          'data',
          'section',
          'student',
          'partnership',
          'schoolId',
          'template',
          'to',
          'item_managedMove',
        ]),
        value(depth - 1),
      ]),
    );
  };
  return { next, pick, value };
}

/** What a leaked stack trace looks like in a response. */
export const STACK_TRACE = /\n\s+at |\.(?:ts|js):\d+:\d+|node_modules/;
