import { formatChineseDate } from './chinese-date.js';
import { DocumentSpecError } from './document-spec-error.js';

/**
 * Red header (版头). For a bulletin such as 《司法要情》, `title` is the
 * bulletin's name and `issueNumber` its issue (第12期). For a formal document,
 * `title` is the issuing organ's mark (e.g. 海口市司法局文件) and
 * `issueNumber` the document number (e.g. 海司〔2026〕12号).
 */
export interface OfficialDocumentHeader {
  title: string;
  issueNumber?: string;
  /** Compiling unit shown on the left above the red line, e.g. 海口市司法局指挥中心. */
  organ?: string;
  /** Issue date, YYYY-MM-DD, shown on the right above the red line. */
  date?: string;
  /** Person who signed the document off (签发人). */
  issuer?: string;
}

/**
 * One block of the body. Headings are numbered by the export: level 1 as
 * 一、二、 (黑体), level 2 as （一）（二） (楷体), level 3 as 1. 2. (仿宋);
 * a lower level restarts under each higher one. Give their text without
 * the number.
 */
export type OfficialDocumentBlock =
  | { kind: 'heading1'; text: string }
  | { kind: 'heading2'; text: string }
  | { kind: 'heading3'; text: string }
  /** A body paragraph, indented two characters; each line of `text` becomes one paragraph. */
  | { kind: 'paragraph'; text: string }
  | OfficialDocumentTable
  | { kind: 'pageBreak' };

/** A table spanning the text width, with a repeated header row. */
export interface OfficialDocumentTable {
  kind: 'table';
  columns: string[];
  rows: string[][];
  /** Relative column widths, one per column; equal widths when omitted. */
  columnWidths?: number[];
  /** 4号 (14 pt, the default) or 小四 (12 pt) for wide tables. */
  fontSize?: 'four' | 'smallFour';
}

/** Signature block (落款) of a document without a seal. */
export interface OfficialDocumentSignature {
  organ: string;
  /** Date of the document (成文日期), YYYY-MM-DD. */
  date: string;
}

/** Closing notes (版记) at the end of the document. */
export interface OfficialDocumentFooter {
  /** Units that receive a copy (抄送机关). */
  copyTo?: string[];
  /** Unit that printed and sent the document (印发机关). */
  printedBy?: string;
  /** Print date (印发日期), YYYY-MM-DD. */
  printedDate?: string;
}

export interface OfficialDocumentSpec {
  header?: OfficialDocumentHeader;
  title: string;
  /** Line under the title in 楷体, e.g. a period or 〔征求意见稿〕. */
  subtitle?: string;
  /** Main recipients (主送机关), e.g. 各区司法局、局属各单位. */
  recipient?: string;
  blocks: OfficialDocumentBlock[];
  /** Attachment names (附件), in order. */
  attachments?: string[];
  signature?: OfficialDocumentSignature;
  footer?: OfficialDocumentFooter;
}

// Control characters other than tab and newline are not allowed in XML.
// eslint-disable-next-line no-control-regex -- control characters are what this matches
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

const NUMBERED_HEADING = /^\s*([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+[.．、])/;

/** Removes characters that cannot appear in a Word document. */
export function cleanText(text: string): string {
  return text.replace(CONTROL_CHARACTERS, '');
}

/**
 * Checks a spec before anything is built, so the caller gets one clear
 * Chinese message naming the field instead of a broken document.
 *
 * @throws DocumentSpecError on the first invalid value.
 */
export function validateOfficialDocumentSpec(spec: OfficialDocumentSpec): void {
  requireText(spec.title, 'title', '标题');

  if (spec.header) {
    requireText(spec.header.title, 'header.title', '版头名称');
    if (spec.header.date !== undefined) {
      formatChineseDate(spec.header.date, '版头日期（header.date）');
    }
  }

  if (spec.blocks.length === 0) {
    throw new DocumentSpecError('blocks', '正文（blocks）为空，请至少提供一个段落');
  }
  spec.blocks.forEach((block, index) => validateBlock(block, `blocks[${index}]`));

  spec.attachments?.forEach((name, index) => requireText(name, `attachments[${index}]`, `第${index + 1}个附件名称`));

  if (spec.signature) {
    requireText(spec.signature.organ, 'signature.organ', '落款单位');
    formatChineseDate(spec.signature.date, '成文日期（signature.date）');
  }

  if (spec.footer) {
    spec.footer.copyTo?.forEach((unit, index) => requireText(unit, `footer.copyTo[${index}]`, `第${index + 1}个抄送单位`));
    if (spec.footer.printedDate !== undefined) {
      formatChineseDate(spec.footer.printedDate, '印发日期（footer.printedDate）');
      requireText(spec.footer.printedBy ?? '', 'footer.printedBy', '印发机关');
    }
  }
}

function validateBlock(block: OfficialDocumentBlock, field: string): void {
  switch (block.kind) {
    case 'heading1':
    case 'heading2':
    case 'heading3':
      requireText(block.text, `${field}.text`, '标题文字');
      if (NUMBERED_HEADING.test(block.text)) {
        throw new DocumentSpecError(
          `${field}.text`,
          `标题“${block.text}”已带序号，请去掉序号，导出时会自动编排“一、”“（一）”“1.”`,
        );
      }
      return;
    case 'paragraph':
      requireText(block.text, `${field}.text`, '段落文字');
      return;
    case 'table':
      validateTable(block, field);
      return;
    case 'pageBreak':
      return;
  }
}

function validateTable(table: OfficialDocumentTable, field: string): void {
  if (table.columns.length === 0) {
    throw new DocumentSpecError(`${field}.columns`, '表格没有列，请至少提供一个列名（columns）');
  }

  const columnCount = table.columns.length;
  table.rows.forEach((row, rowIndex) => {
    if (row.length !== columnCount) {
      throw new DocumentSpecError(
        `${field}.rows[${rowIndex}]`,
        `表格第${rowIndex + 1}行有${row.length}个单元格，应与列数${columnCount}一致`,
      );
    }
  });

  if (table.columnWidths) {
    if (table.columnWidths.length !== columnCount) {
      throw new DocumentSpecError(
        `${field}.columnWidths`,
        `列宽（columnWidths）有${table.columnWidths.length}项，应与列数${columnCount}一致`,
      );
    }
    if (table.columnWidths.some((width) => !Number.isFinite(width) || width <= 0)) {
      throw new DocumentSpecError(`${field}.columnWidths`, '列宽（columnWidths）必须都是正数');
    }
  }
}

function requireText(value: string, field: string, label: string): void {
  if (cleanText(value).trim() === '') {
    throw new DocumentSpecError(field, `${label}（${field}）不能为空`);
  }
}
