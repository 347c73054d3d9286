import { Paragraph, TextRun, type IContext, type IParagraphOptions, type IXmlableObject } from 'docx';

import { BODY_CHARACTER_SPACING, FONT, FONT_SIZE } from './gbt9704-layout.js';
import { cleanText } from './official-document-spec.js';

export interface RunStyle {
  font?: string;
  /** Half-points. */
  size?: number;
  color?: string;
  /** Twips added to each character's advance; negative narrows the text. */
  characterSpacing?: number;
}

/**
 * Creates a run in one font for every script. Word picks the font for Chinese
 * from `eastAsia` and for Latin letters and digits from `ascii`/`hAnsi`. All
 * of them name the same font because official documents set digits in the
 * body font too.
 */
export function textRun(text: string, style: RunStyle = {}): TextRun {
  const font = style.font ?? FONT.body;
  const size = style.size ?? FONT_SIZE.three;
  const characterSpacing = style.characterSpacing ?? (size === FONT_SIZE.three ? BODY_CHARACTER_SPACING : undefined);
  return new TextRun({
    text: cleanText(text),
    font: { ascii: font, eastAsia: font, hAnsi: font, cs: font },
    size,
    sizeComplexScript: size,
    color: style.color,
    characterSpacing,
  });
}

/**
 * Creates a paragraph that keeps punctuation inside the text block. Word
 * otherwise lets a comma hang past the right margin, which puts 29
 * characters on a line.
 */
export function paragraph(options: IParagraphOptions): Paragraph {
  return new ContainedPunctuationParagraph({ ...options, overflowPunctuation: true });
}

/**
 * Paragraph with `w:overflowPunct` off. docx 9 writes the element only when
 * it is on, so the paragraph requests it, which puts the element in its
 * place in the schema order, and this class turns it off in the XML tree.
 */
class ContainedPunctuationParagraph extends Paragraph {
  override prepForXml(context: IContext): IXmlableObject | undefined {
    const xml = super.prepForXml(context);
    const children = xml?.['w:p'];
    const properties = Array.isArray(children) ? (children[0] as Record<string, unknown> | undefined)?.['w:pPr'] : undefined;
    if (Array.isArray(properties)) {
      const index = properties.findIndex((element) => 'w:overflowPunct' in (element as object));
      if (index >= 0) {
        properties[index] = { 'w:overflowPunct': { _attr: { 'w:val': false } } };
      }
    }
    return xml;
  }
}

/** Creates an empty body line, because the standard counts blank space in whole lines. */
export function blankLine(): Paragraph {
  return paragraph({});
}

/**
 * Chinese numeral for 1-99 as used in heading numbers: 一, 十, 十一, 二十三.
 */
export function chineseNumeral(value: number): string {
  const digits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (!Number.isInteger(value) || value < 1 || value > 99) {
    throw new RangeError(`chineseNumeral supports 1-99, got ${value}`);
  }

  const tens = Math.floor(value / 10);
  const ones = value % 10;
  let tensPart = '';
  if (tens === 1) {
    tensPart = '十';
  } else if (tens > 1) {
    tensPart = `${digits[tens]}十`;
  }
  const onesPart = ones === 0 ? '' : digits[ones];
  return `${tensPart}${onesPart}`;
}

/**
 * Width of a text in body characters: Chinese characters and full-width
 * punctuation count 1, Latin letters and digits ½, and each change between
 * the two adds ¼ for the gap that Word and LibreOffice put between Chinese
 * and Latin text. An estimate used to align the signature block, because
 * digits are proportional.
 */
export function widthInCharacters(text: string): number {
  let width = 0;
  let previousIsWide: boolean | undefined;
  for (const character of text) {
    const isWide = (character.codePointAt(0) ?? 0) >= 0x2e80;
    width += isWide ? 1 : 0.5;
    if (previousIsWide !== undefined && previousIsWide !== isWide) {
      width += 0.25;
    }
    previousIsWide = isWide;
  }
  return width;
}
