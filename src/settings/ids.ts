/**
 * The ids the Administration page gives a new service or resource, made from its name. An id is made once, when
 * the entry is added, and never changes: action plans name a service (an action's owner) and a resource (advice's
 * link) by id, so renaming an entry keeps every plan that refers to it.
 */

/** The words of a name, in ASCII letters and digits: "Children & Family Wellbeing Service (CFWS)" → 6 words. */
function wordsOf(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['’]/g, '')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
}

/** The first free id: `base`, then `base` with 2, 3, … added, each kept within `max` characters. */
function firstFree(base: string, taken: ReadonlySet<string>, max: number, join: string): string {
  if (!taken.has(base)) return base;
  for (let count = 2; ; count++) {
    const suffix = `${join}${count}`;
    const candidate = `${base.slice(0, max - suffix.length).replace(/-+$/, '')}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** Owners an action has besides the services, whose names a service cannot take. */
const RESERVED_SERVICE_IDS = ['school', 'partnership'];
const SERVICE_ID_MAX = 31;

/**
 * A service's id: its name as a lower camel-case word within 31 characters, not one already taken, e.g. "NHS Care
 * Navigator" → "nhsCareNavigator". A name of one letter, with no letters, or starting with a digit gets "service" in front.
 */
export function serviceIdFor(name: string, taken: Iterable<string> = []): string {
  const words = wordsOf(name).map((word, index) =>
    index === 0 ? word.toLowerCase() : word.charAt(0).toUpperCase() + word.slice(1).toLowerCase(),
  );
  let base = words.join('');
  if (!/^[a-z][A-Za-z0-9]/.test(base)) base = `service${base.charAt(0).toUpperCase()}${base.slice(1)}`;
  base = base.slice(0, SERVICE_ID_MAX);
  return firstFree(base, new Set([...taken, ...RESERVED_SERVICE_IDS]), SERVICE_ID_MAX, '');
}

const RESOURCE_ID_MAX = 60;

/**
 * A resource's id: its title as lower-case words joined by hyphens within 60 characters, not one already taken,
 * e.g. "Early Help – Leicestershire" → "early-help-leicestershire".
 */
export function resourceIdFor(title: string, taken: Iterable<string> = []): string {
  let base = wordsOf(title)
    .map((word) => word.toLowerCase())
    .join('-');
  // Ends at a whole word when it can: up to the last hyphen within the limit (or just after it).
  if (base.length > RESOURCE_ID_MAX)
    base = base.slice(0, RESOURCE_ID_MAX + 1).replace(/-[^-]*$/, '') || base.slice(0, RESOURCE_ID_MAX);
  return firstFree(base || 'resource', new Set(taken), RESOURCE_ID_MAX, '-');
}
