import {
  AlignmentType,
  BorderStyle,
  Footer,
  LineRuleType,
  PageNumber,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
  type FileChild,
  type IParagraphOptions,
  type Paragraph,
} from 'docx';

import { formatChineseDate } from './chinese-date.js';
import { BODY_CHAR_WIDTH, FONT, FONT_SIZE, HEADER_RED, TEXT_WIDTH } from './gbt9704-layout.js';
import type {
  OfficialDocumentFooter,
  OfficialDocumentHeader,
  OfficialDocumentSignature,
  OfficialDocumentSpec,
} from './official-document-spec.js';
import { blankLine, paragraph, textRun, widthInCharacters } from './official-document-text.js';

/** One character of 4号 text (14 pt) in twips, the indent of page numbers and closing notes. */
const SMALL_CHAR_WIDTH = FONT_SIZE.four * 10;

const RIGHT_TAB = [{ type: TabStopType.RIGHT, position: TEXT_WIDTH - BODY_CHAR_WIDTH }];

/**
 * Red header (版头): the name in red 小标宋, the issue or document number,
 * the compiling unit and date, and a red line across the text block.
 */
export function buildRedHeader(header: OfficialDocumentHeader): Paragraph[] {
  const lines: IParagraphOptions[] = [
    {
      alignment: AlignmentType.CENTER,
      spacing: { line: 240, lineRule: LineRuleType.AUTO, after: 120 },
      children: [
        textRun(header.title, {
          font: FONT.title,
          size: headerTitleSize(header.title),
          color: HEADER_RED,
          // Spread a short name such as 司法要情 the way printed headers are set.
          characterSpacing: widthInCharacters(header.title) <= 6 ? HEADER_TITLE_SPREAD : 0,
        }),
      ],
    },
  ];

  if (header.issueNumber !== undefined || header.issuer !== undefined) {
    lines.push(numberLine(header));
  }
  if (header.organ !== undefined || header.date !== undefined) {
    const date = header.date === undefined ? '' : formatChineseDate(header.date, '版头日期（header.date）');
    lines.push({
      tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
      children: [textRun(`${header.organ ?? ''}\t${date}`)],
    });
  }

  // The red line is the bottom border of the header's last line.
  return lines.map((options, index) =>
    index === lines.length - 1 ? paragraph({ ...options, border: { bottom: RED_LINE } }) : paragraph(options),
  );
}

/** Twips added after each character of a short header name. */
const HEADER_TITLE_SPREAD = 200;

/**
 * Font size of the header name in half-points: 初号 (42 pt), or smaller when
 * a long name would not fit on one line of the text block.
 */
function headerTitleSize(title: string): number {
  const width = widthInCharacters(title);
  const spread = width <= 6 ? HEADER_TITLE_SPREAD * width : 0;
  // 20 twips per point and 2 half-points per point; 95 % leaves room for rounding in the renderer.
  const fitting = Math.floor((((TEXT_WIDTH - spread) * 0.95) / width / 20) * 2);
  return Math.min(FONT_SIZE.chu, fitting);
}

const RED_LINE = { style: BorderStyle.SINGLE, size: 12, color: HEADER_RED, space: 4 } as const;

function numberLine(header: OfficialDocumentHeader): IParagraphOptions {
  if (header.issuer === undefined) {
    return { alignment: AlignmentType.CENTER, children: [textRun(header.issueNumber ?? '')] };
  }

  // With a 签发人 the number moves to the left and the name goes to the right,
  // each one character in. The red line may be drawn under this paragraph, so
  // a full-width space replaces the indent to keep the line as wide as the text.
  return {
    tabStops: RIGHT_TAB,
    children: [textRun(`\u3000${header.issueNumber ?? ''}\t签发人：`), textRun(header.issuer, { font: FONT.heading2 })],
  };
}

/** Title in 2号 小标宋, centered, with the optional subtitle in 楷体 and a blank line after. */
export function buildTitle(spec: OfficialDocumentSpec): Paragraph[] {
  const paragraphs = spec.title
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map(
      (line) =>
        paragraph({
          alignment: AlignmentType.CENTER,
          children: [textRun(line.trim(), { font: FONT.title, size: FONT_SIZE.two })],
        }),
    );
  if (spec.subtitle !== undefined) {
    paragraphs.push(
      paragraph({ alignment: AlignmentType.CENTER, children: [textRun(spec.subtitle, { font: FONT.heading2 })] }),
    );
  }
  paragraphs.push(blankLine());
  return paragraphs;
}

/** Main recipients (主送机关): flush left, ending with a full-width colon. */
export function buildRecipient(recipient: string): Paragraph {
  const text = recipient.trim().replace(/[:：]$/, '');
  return paragraph({ children: [textRun(`${text}：`)] });
}

/**
 * Attachment notes (附件说明): a blank line, then 附件： two characters in;
 * several attachments are numbered 1．2． and later lines align with the
 * first name.
 */
export function buildAttachments(names: string[]): Paragraph[] {
  const numbered = names.length > 1;
  const label = '附件：';
  const paragraphs = names.map((name, index) => {
    const item = numbered ? `${index + 1}．${name.trim()}` : name.trim();
    if (index === 0) {
      return paragraph({ indent: { firstLine: 2 * BODY_CHAR_WIDTH }, children: [textRun(`${label}${item}`)] });
    }
    return paragraph({ indent: { left: (2 + label.length) * BODY_CHAR_WIDTH }, children: [textRun(item)] });
  });
  return [blankLine(), ...paragraphs];
}

/**
 * Builds the signature block (落款) of a document without a seal, per
 * GB/T 9704-2012. It sits one line below the text, with the organ two
 * characters from the right edge. The date follows on the next line and
 * starts two characters to the right of the organ's first character. When
 * the date is the longer of the two, the date keeps two characters from the
 * right edge and the organ moves left.
 */
export function buildSignature(signature: OfficialDocumentSignature): Paragraph[] {
  const date = formatChineseDate(signature.date, '成文日期（signature.date）');
  const organWidth = widthInCharacters(signature.organ);
  const dateWidth = widthInCharacters(date);

  let organRight = 2;
  let dateRight = organRight + organWidth - dateWidth - 2;
  if (dateRight < 2) {
    dateRight = 2;
    organRight = dateWidth + 4 - organWidth;
  }

  return [
    blankLine(),
    paragraph({
      alignment: AlignmentType.RIGHT,
      indent: { right: Math.round(organRight * BODY_CHAR_WIDTH) },
      children: [textRun(signature.organ)],
    }),
    paragraph({
      alignment: AlignmentType.RIGHT,
      indent: { right: Math.round(dateRight * BODY_CHAR_WIDTH) },
      children: [textRun(date)],
    }),
  ];
}

// Closing-note rules: the first and last 0.35 mm, the ones between 0.25 mm (size in 1/8 pt).
const THICK_RULE = { style: BorderStyle.SINGLE, size: 8, color: '000000' } as const;
const THIN_RULE = { style: BorderStyle.SINGLE, size: 6, color: '000000' } as const;
const NO_RULE = { style: BorderStyle.NONE, size: 0, color: 'auto' } as const;

/**
 * Closing notes (版记) in 4号 仿宋 between black rules as wide as the text
 * block: 抄送, then the printing unit on the left and the 印发 date on the
 * right. A borderless one-column table draws the rules, because paragraph
 * borders would shrink with the one-character indents the standard requires.
 */
export function buildClosingNotes(footer: OfficialDocumentFooter): FileChild[] {
  const rows: Paragraph[] = [];
  if (footer.copyTo && footer.copyTo.length > 0) {
    const units = footer.copyTo.map((unit) => unit.trim()).join('，');
    // Wrapped lines align with the first unit, after "抄送：".
    rows.push(
      paragraph({
        indent: { left: 4 * SMALL_CHAR_WIDTH, hanging: 3 * SMALL_CHAR_WIDTH, right: SMALL_CHAR_WIDTH },
        children: [textRun(`抄送：${units}。`, { size: FONT_SIZE.four })],
      }),
    );
  }
  if (footer.printedBy !== undefined || footer.printedDate !== undefined) {
    const date =
      footer.printedDate === undefined ? '' : `${formatChineseDate(footer.printedDate, '印发日期（footer.printedDate）')}印发`;
    rows.push(
      paragraph({
        indent: { left: SMALL_CHAR_WIDTH },
        tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH - SMALL_CHAR_WIDTH }],
        children: [textRun(`${footer.printedBy ?? ''}\t${date}`, { size: FONT_SIZE.four })],
      }),
    );
  }
  if (rows.length === 0) {
    return [];
  }

  const table = new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [TEXT_WIDTH],
    layout: TableLayoutType.FIXED,
    borders: {
      top: THICK_RULE,
      bottom: THICK_RULE,
      insideHorizontal: THIN_RULE,
      left: NO_RULE,
      right: NO_RULE,
      insideVertical: NO_RULE,
    },
    rows: rows.map(
      (row) =>
        new TableRow({
          cantSplit: true,
          children: [
            new TableCell({
              width: { size: TEXT_WIDTH, type: WidthType.DXA },
              margins: { top: 0, bottom: 0, left: 0, right: 0 },
              children: [row],
            }),
          ],
        }),
    ),
  });
  // NOTE: the standard puts the closing notes at the foot of the last even
  // page. Here they follow the text, so a writer may still move them down.
  return [blankLine(), table];
}

/**
 * Page-number footers: 4号 宋体 "— 1 —", on odd pages at the right and on
 * even pages at the left, one character in from the text block's edge.
 * Needs `evenAndOddHeaderAndFooters` on the document.
 */
export function buildPageNumberFooters(): { default: Footer; even: Footer } {
  const pageNumber = (alignment: 'right' | 'left'): Footer =>
    new Footer({
      children: [
        paragraph({
          alignment: alignment === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
          indent: alignment === 'right' ? { right: SMALL_CHAR_WIDTH } : { left: SMALL_CHAR_WIDTH },
          spacing: { line: 320, lineRule: LineRuleType.EXACT },
          children: [
            new TextRun({
              children: ['— ', PageNumber.CURRENT, ' —'],
              font: { ascii: FONT.pageNumber, eastAsia: FONT.pageNumber, hAnsi: FONT.pageNumber, cs: FONT.pageNumber },
              size: FONT_SIZE.four,
            }),
          ],
        }),
      ],
    });
  return { default: pageNumber('right'), even: pageNumber('left') };
}
