/**
 * Looks a key up in a record only among its own properties. Keys from outside (answers, section ids) can be
 * "constructor" or "__proto__", which a plain `record[key]` would find on Object.prototype.
 */
export function lookup<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
