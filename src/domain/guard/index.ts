export { findClassificationMarks, type ClassificationMark } from './classification-marks.js';
export {
  checkConfidential,
  formatClassifiedContentMessage,
  CLASSIFIED_CONTENT_MESSAGE,
  type ConfidentialViolation,
} from './confidential-check.js';
