/** A value or a typed failure. Failures carry a `reason` so callers can switch on them exhaustively. */
export type Result<T, E extends { reason: string }> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
export const fail = <E extends { reason: string }>(error: E): { ok: false; error: E } => ({
  ok: false,
  error,
});
