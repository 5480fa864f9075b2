/**
 * An error whose message is written for a person and whose `reason` says what went wrong, so callers can
 * switch on it. Every typed error in the app extends this; anything else is unexpected.
 */
export class ReasonedError<R extends string> extends Error {
  readonly reason: R;
  constructor(reason: R, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
    this.reason = reason;
  }
}
