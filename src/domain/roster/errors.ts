/**
 * Invalid roster input. `field` names the input field and `message` is the
 * Chinese text shown to the user, saying what to fix.
 */
export class RosterInputError extends Error {
  readonly code = 'INVALID_ROSTER_INPUT';

  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'RosterInputError';
  }
}
