/**
 * What the store's functions are written against: a query, and for a whole database a transaction. Both stores
 * (PostgreSQL and the embedded PGlite, `database.ts`) implement it; migrations use it without opening one.
 */
export interface Queryable {
  query<T>(sql: string, params?: readonly unknown[]): Promise<T[]>;
}

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `work` in one transaction; retried when PostgreSQL reports a serialisation failure or deadlock. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs several statements at once (migrations). */
  exec(sql: string): Promise<void>;
  /**
   * Calls `onNotice` with the payload of each NOTIFY on `channel`, from any process sharing the database;
   * resolves with a function that stops listening.
   */
  listen(channel: string, onNotice: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}
