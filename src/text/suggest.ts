/** Edit distance between two strings (Levenshtein), used to suggest the identifier someone meant. */
export function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0] ?? 0;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j] ?? 0;
      const left = previous[j - 1] ?? 0;
      previous[j] = Math.min(above + 1, left + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length] ?? 0;
}

/** The closest known identifier, if it is close enough to be a plausible typo. */
export function closest(wanted: string, known: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const distance = editDistance(wanted.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  // Short identifiers are all close to each other ("E" is one edit from "A"), so only suggest for a case slip.
  const tolerance = wanted.length <= 2 ? 0 : Math.max(1, Math.floor(wanted.length / 3));
  return bestDistance <= tolerance ? best : undefined;
}

/** " (did you mean "x"?)" or nothing, for the end of an error message. */
export function didYouMean(wanted: string, known: Iterable<string>): string {
  const guess = closest(wanted, known);
  return guess === undefined ? '' : ` (did you mean "${guess}"?)`;
}

/** "a, b or c" in en-GB prose. */
export function listOf(items: readonly string[], conjunction = 'or'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}
