import { findClassificationMarks } from './classification-marks.js';

/** A text field that carries a classification mark (密级标识). */
export interface ConfidentialViolation {
  field: string;
  mark: string;
  /** UTF-16 index of the first occurrence of the mark in the field's text. */
  index: number;
}

/**
 * Message shown when a field carries a classification mark. `{字段}` is the
 * field's Chinese label and `{mark}` the mark found.
 */
export const CLASSIFIED_CONTENT_MESSAGE =
  '「{字段}」含有密级标识“{mark}”。本系统为非涉密系统，不得录入涉密内容，请通过涉密渠道（机要通道）报送。';

/** Fills `CLASSIFIED_CONTENT_MESSAGE` for one field. */
export function formatClassifiedContentMessage(fieldLabel: string, mark: string): string {
  return CLASSIFIED_CONTENT_MESSAGE.replace('{字段}', fieldLabel).replace('{mark}', mark);
}

/**
 * Checks every text field for classification marks. Returns one violation per
 * field and distinct mark, in field order; an empty list means the input may
 * be stored. Missing and null fields are skipped.
 */
export function checkConfidential(
  fields: Record<string, string | undefined | null>,
): ConfidentialViolation[] {
  const violations: ConfidentialViolation[] = [];

  for (const [field, value] of Object.entries(fields)) {
    if (value === undefined || value === null) continue;

    const seen = new Set<string>();
    for (const { mark, index } of findClassificationMarks(value)) {
      if (seen.has(mark)) continue;
      seen.add(mark);
      violations.push({ field, mark, index });
    }
  }

  return violations;
}
