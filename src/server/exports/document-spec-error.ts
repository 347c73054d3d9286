/**
 * Error for invalid input to a document export. `field` is the path of the
 * invalid value in the spec (e.g. `blocks[3].rows[1]`). `message` is Chinese
 * and tells the user how to fix it, so it can be shown as it is.
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
