import {
  AlignmentType,
  BorderStyle,
  LineRuleType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  type Paragraph,
  VerticalAlignTable,
  WidthType,
  type FileChild,
} from 'docx';

import { BODY_CHAR_WIDTH, FONT, FONT_SIZE, TEXT_WIDTH } from './gbt9704-layout.js';
import type { OfficialDocumentBlock, OfficialDocumentTable } from './official-document-spec.js';
import { chineseNumeral, paragraph, textRun } from './official-document-text.js';

const FIRST_LINE_INDENT = 2 * BODY_CHAR_WIDTH;

/**
 * Lays out the body blocks. Headings are numbered here: 一、 for level 1,
 * （一） for level 2 and 1. for level 3, each level restarting under its
 * parent, as GB/T 9704 orders them.
 */
export function buildBody(blocks: OfficialDocumentBlock[]): FileChild[] {
  const counters = [0, 0, 0];
  const children: FileChild[] = [];

  for (const block of blocks) {
    switch (block.kind) {
      case 'heading1':
        counters[0] = (counters[0] ?? 0) + 1;
        counters[1] = 0;
        counters[2] = 0;
        children.push(heading(`${chineseNumeral(counters[0])}、${singleLine(block.text)}`, FONT.heading1));
        break;
      case 'heading2':
        counters[1] = (counters[1] ?? 0) + 1;
        counters[2] = 0;
        children.push(heading(`（${chineseNumeral(counters[1])}）${singleLine(block.text)}`, FONT.heading2));
        break;
      case 'heading3':
        counters[2] = (counters[2] ?? 0) + 1;
        children.push(heading(`${counters[2]}.${singleLine(block.text)}`, FONT.body));
        break;
      case 'paragraph':
        children.push(...bodyParagraphs(block.text));
        break;
      case 'table':
        children.push(buildTable(block));
        break;
      case 'pageBreak':
        children.push(paragraph({ pageBreakBefore: true }));
        break;
    }
  }

  return children;
}

/** Body paragraphs: justified, first line indented two characters. */
export function bodyParagraphs(text: string): Paragraph[] {
  return text
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map(
      (line) =>
        paragraph({
          alignment: AlignmentType.JUSTIFIED,
          indent: { firstLine: FIRST_LINE_INDENT },
          children: [textRun(line.trim())],
        }),
    );
}

function heading(text: string, font: string): Paragraph {
  return paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: FIRST_LINE_INDENT },
    keepNext: true,
    children: [textRun(text, { font })],
  });
}

function singleLine(text: string): string {
  return text.replace(/\s*\r?\n\s*/g, '').trim();
}

const CELL_BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const CELL_BORDERS = { top: CELL_BORDER, bottom: CELL_BORDER, left: CELL_BORDER, right: CELL_BORDER };

/**
 * Builds a full-width table in 仿宋 with the header row in 黑体. Its lines are
 * single-spaced so that rows stay compact. The header row repeats on every
 * page and rows never split.
 */
function buildTable(table: OfficialDocumentTable): Table {
  const size = FONT_SIZE[table.fontSize ?? 'four'];
  const columnWidths = splitWidth(TEXT_WIDTH, table.columnWidths ?? table.columns.map(() => 1));

  const headerRow = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: table.columns.map((name, index) =>
      tableCell(name, columnWidths[index] ?? 0, { font: FONT.heading1, size, alignment: AlignmentType.CENTER }),
    ),
  });
  const bodyRows = table.rows.map(
    (row) =>
      new TableRow({
        cantSplit: true,
        children: row.map((value, index) =>
          tableCell(value, columnWidths[index] ?? 0, { font: FONT.body, size, alignment: AlignmentType.CENTER }),
        ),
      }),
  );

  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths,
    layout: TableLayoutType.FIXED,
    rows: [headerRow, ...bodyRows],
  });
}

function tableCell(
  text: string,
  width: number,
  style: { font: string; size: number; alignment: (typeof AlignmentType)[keyof typeof AlignmentType] },
): TableCell {
  const lines = text.split(/\r?\n/);
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    borders: CELL_BORDERS,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    children: lines.map(
      (line) =>
        paragraph({
          alignment: style.alignment,
          // Single spacing: the body's exact 28.95 pt would make every row two lines tall.
          spacing: { line: 240, lineRule: LineRuleType.AUTO },
          children: [textRun(line, { font: style.font, size: style.size })],
        }),
    ),
  });
}

/** Splits `total` twips in proportion to `weights`; the last column takes the rounding rest. */
function splitWidth(total: number, weights: number[]): number[] {
  const sum = weights.reduce((accumulator, weight) => accumulator + weight, 0);
  const widths = weights.map((weight) => Math.floor((total * weight) / sum));
  const rest = total - widths.reduce((accumulator, width) => accumulator + width, 0);
  widths[widths.length - 1] = (widths[widths.length - 1] ?? 0) + rest;
  return widths;
}
