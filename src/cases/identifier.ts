import { fail, ok, type Result } from '../result.ts';

/**
 * The student identifier a case is stored under: initials and/or a reference, never the student's name. It is
 * an allow-list grammar, because a deny-list of name shapes is always one spelling behind ("john smith",
 * "Smith, John", "Niamh O'Brien"):
 *
 *   identifier = initials | reference | initials separator reference | initials "(" [label] reference ")"
 *   initials   = one to three capitals ("JS", "JMS", "JS."), or up to four single capitals each followed by a
 *                dot or a space ("J.S.", "J. S.", "J.S", "J S", "J.M.S.T.")
 *   separator  = " ", "-", "/" or " - "
 *   label      = "ref", "Ref" or "REF", then an optional "." or ":" and an optional space
 *   reference  = the deployment's pattern; by default one to six digits, optionally after "REF" and a "-", ":"
 *                or space ("2291", "REF-0042"); initials may run straight into digits ("JS2291")
 *
 * The value is checked as typed once trimmed and NFC-normalised (lineOfText), so only ASCII capitals, digits and
 * the punctuation above are accepted outside the reference: fullwidth letters ("ＪＳ") and look-alikes from other
 * scripts (Cyrillic "ЈЅ") are refused, not folded, and accented initials are typed without the accent.
 * A date ("14/05/2009"), an NHS or telephone number (ten or eleven digits) is refused by the default rule.
 * Known limits: up to three capitals read as initials, so a short name in capitals ("AMY", "TOM") is accepted,
 * as is one joined to a number ("AMY2", "TOM 12").
 */
export interface IdentifierRule {
  /** The reference part's pattern, as configured (matched whole). */
  readonly referencePattern: string;
  /** Identifiers the rule accepts, quoted in its refusal. */
  readonly examples: readonly string[];
  /** What a person is told when the rule refuses what they typed: what is allowed, with examples. */
  readonly refusal: string;
  accepts(identifier: string): boolean;
  /** Whether the identifier is a reference alone, with no initials: how an anonymous case is named. */
  isReference(identifier: string): boolean;
}

export interface IdentifierRuleProblem {
  reason: 'invalidReferencePattern' | 'exampleNotAReference' | 'acceptsNames';
  message: string;
}

// Six digits at most, in one group: longer numbers and dates are what identify a child outside the partnership
// (an NHS number, a telephone number, a date of birth), and a local scheme that needs more configures its own.
const DEFAULT_REFERENCE_PATTERN = '(?:(?:REF|Ref|ref)[-: ]?)?[0-9]{1,6}';

const INITIALS = /^(?:[A-Z]{1,3}\.?|[A-Z](?:\. ?[A-Z]){1,3}\.?|[A-Z](?: [A-Z]){1,3})$/;
// "J. M. S. T." is the longest initials can be.
const LONGEST_INITIALS = 11;
const SEPARATORS = [' - ', ' ', '-', '/'];
const LABELLED = /^ ?\((?:(?:ref|Ref|REF)[.:]? ?)?(.+)\)$/;

/** Names in the forms people type them; a rule that accepts any of them cannot be used. */
export const obviousNames = [
  'John Smith',
  'JOHN SMITH',
  'john smith',
  'Smith, John',
  'SMITH, JOHN',
  'John Smith 2',
  'JOHN SMITH 2',
  'JOHN SMITH2',
  'JOHN-2',
  'Sean McDonald',
  'SEAN MCDONALD',
  "Niamh O'Brien",
  "NIAMH O'BRIEN",
  'Mary-Jane Watts',
  'MARY-JANE WATTS',
  'J. Smith',
  'J SMITH',
  'John',
  'JOHN',
  'Smith',
  'SMITH',
  'SMITH 2291',
];

function ruleOf(referencePattern: RegExp, source: string, examples: readonly string[]): IdentifierRule {
  const isReference = (text: string) => referencePattern.test(text);
  const joined = (rest: string) => {
    const labelled = LABELLED.exec(rest);
    if (labelled?.[1] !== undefined && isReference(labelled[1])) return true;
    if (/^[0-9]/.test(rest) && isReference(rest)) return true;
    return SEPARATORS.some(
      (separator) => rest.startsWith(separator) && isReference(rest.slice(separator.length)),
    );
  };
  return {
    referencePattern: source,
    examples,
    refusal: `Use initials and/or a reference, such as ${quoted(examples)} — not the student’s name.`,
    isReference,
    accepts(identifier) {
      if (INITIALS.test(identifier) || isReference(identifier)) return true;
      // Initials then a reference: try each place the initials could end.
      // Stryker disable next-line MethodExpression,ArithmeticOperator: a longer loop only tries splits whose rest is empty, and an empty rest is never a reference
      for (let end = 1; end <= Math.min(LONGEST_INITIALS, identifier.length - 1); end++) {
        if (INITIALS.test(identifier.slice(0, end)) && joined(identifier.slice(end))) return true;
      }
      return false;
    },
  };
}

const quoted = (examples: readonly string[]) => {
  const each = examples.map((example) => `"${example}"`);
  // Stryker disable next-line LogicalOperator,StringLiteral: unreachable, a refusal always quotes at least one name or example
  return each.length > 1 ? `${each.slice(0, -1).join(', ')} or ${each.at(-1)}` : (each[0] ?? '');
};

/** The rule when a deployment sets no reference pattern. */
export const defaultIdentifierRule: IdentifierRule = ruleOf(
  new RegExp(`^(?:${DEFAULT_REFERENCE_PATTERN})$`, 'u'),
  DEFAULT_REFERENCE_PATTERN,
  ['J.S.', 'JS 2291', 'REF-0042'],
);

/**
 * The rule for a deployment's own referencing scheme: `referencePattern` is a regular expression for the
 * reference part (matched whole, with the `u` flag) and `example` one reference it matches, quoted in the
 * refusal. Refused when the pattern does not compile, the example does not match it, or the rule would accept
 * one of the obvious names.
 */
export function identifierRule(
  referencePattern: string,
  example: string,
): Result<IdentifierRule, IdentifierRuleProblem> {
  let pattern: RegExp;
  try {
    // Compiled on its own first, so a pattern such as "1)|(.*" cannot break out of the group it is put in.
    // Stryker disable next-line StringLiteral: the pattern is compiled with the flag again on the next line, and refused there the same way
    new RegExp(referencePattern, 'u');
    pattern = new RegExp(`^(?:${referencePattern})$`, 'u');
  } catch (error) {
    return fail({
      reason: 'invalidReferencePattern',
      message: `not a regular expression (${error instanceof Error ? error.message : String(error)})`,
    });
  }
  if (!pattern.test(example))
    return fail({
      reason: 'exampleNotAReference',
      message: `"${example}" does not match the reference pattern`,
    });
  const rule = ruleOf(pattern, referencePattern, ['J.S.', `JS ${example}`, example]);
  const names = obviousNames.filter((name) => rule.accepts(name));
  if (names.length > 0)
    return fail({
      reason: 'acceptsNames',
      message: `accepts names as identifiers (${quoted(names)}): make the reference need digits or a fixed prefix`,
    });
  return ok(rule);
}
