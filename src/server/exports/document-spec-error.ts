/**
 * Invalid input to a document export. `field` is the path of the offending
 * value in the spec (e.g. `blocks[3].rows[1]`); `message` is Chinese and says
 * how to fix it, so it can be shown to the user as it is.
 */
export class DocumentSpecError extends Error {
  readonly code = 'INVALID_DOCUMENT_SPEC';

  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'DocumentSpecError';
  }
}
