import { Document, LineRuleType, Packer, Table, type FileChild } from 'docx';

import { paragraph } from './official-document-text.js';
import { buildBody } from './official-document-body.js';
import {
  buildAttachments,
  buildClosingNotes,
  buildPageNumberFooters,
  buildRecipient,
  buildRedHeader,
  buildSignature,
  buildTitle,
} from './official-document-frame.js';
import { validateOfficialDocumentSpec, type OfficialDocumentSpec } from './official-document-spec.js';
import { FONT, FONT_SIZE, FOOTER_DISTANCE, LINE_PITCH, PAGE } from './gbt9704-layout.js';

export { formatChineseDate } from './chinese-date.js';
export { DocumentSpecError } from './document-spec-error.js';
export type {
  OfficialDocumentBlock,
  OfficialDocumentFooter,
  OfficialDocumentHeader,
  OfficialDocumentSignature,
  OfficialDocumentSpec,
  OfficialDocumentTable,
} from './official-document-spec.js';

/**
 * Builds a Word document (.docx) in the GB/T 9704-2012 layout. The page is A4
 * with margins of 37/35/28/26 mm and the body is 3号 仿宋_GB2312 at 22 lines
 * of 28 characters. The title is 2号 方正小标宋简体, headings are 黑体 and
 * 楷体, and page numbers "— 1 —" are 4号 宋体 at the outer edge. Every Word
 * export (司法要情, 值班报告, 工作通报…) goes through here.
 *
 * @throws DocumentSpecError when the spec has an empty or invalid field.
 */
export async function buildOfficialDocument(spec: OfficialDocumentSpec): Promise<Buffer> {
  validateOfficialDocumentSpec(spec);

  const children: FileChild[] = [
    ...(spec.header ? buildRedHeader(spec.header) : []),
    ...(spec.header ? [paragraph({}), paragraph({})] : []),
    ...buildTitle(spec),
    ...(spec.recipient === undefined ? [] : [buildRecipient(spec.recipient)]),
    ...buildBody(spec.blocks),
    ...(spec.attachments && spec.attachments.length > 0 ? buildAttachments(spec.attachments) : []),
    ...(spec.signature ? buildSignature(spec.signature) : []),
    ...(spec.footer ? buildClosingNotes(spec.footer) : []),
  ];
  // Word needs a paragraph after a table that ends the document.
  if (children.at(-1) instanceof Table) {
    children.push(paragraph({}));
  }

  const document = new Document({
    title: spec.title,
    creator: spec.signature?.organ ?? spec.header?.organ ?? '',
    compatibility: { version: 15 },
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: {
            font: { ascii: FONT.body, eastAsia: FONT.body, hAnsi: FONT.body, cs: FONT.body },
            size: FONT_SIZE.three,
            // Latin text as English: LibreOffice breaks a number such as 12348
            // across lines when its language is Chinese.
            language: { value: 'en-US', eastAsia: 'zh-CN' },
          },
          paragraph: {
            spacing: { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
          },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: {
              top: PAGE.marginTop,
              bottom: PAGE.marginBottom,
              left: PAGE.marginLeft,
              right: PAGE.marginRight,
              header: 851,
              footer: FOOTER_DISTANCE,
              gutter: 0,
            },
          },
          // No document grid: the exact line spacing above gives the 22 lines.
          // With a lines grid LibreOffice gives each 2号 title line two grid lines.
          grid: { linePitch: LINE_PITCH },
        },
        footers: buildPageNumberFooters(),
        children,
      },
    ],
  });

  return Packer.toBuffer(document);
}
