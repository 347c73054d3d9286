/**
 * Page and type measurements of GB/T 9704-2012 (党政机关公文格式), in the
 * units Word uses: twips (1/20 pt, 1/1440 inch) for lengths and half-points
 * for font sizes.
 */

const TWIPS_PER_MM = 1440 / 25.4;

export function mmToTwips(mm: number): number {
  return Math.round(mm * TWIPS_PER_MM);
}

/** A4 page with the standard's margins; the text block (版心) is 156 × 225 mm. */
export const PAGE = {
  width: 11906,
  height: 16838,
  marginTop: mmToTwips(37),
  marginBottom: mmToTwips(35),
  marginLeft: mmToTwips(28),
  marginRight: mmToTwips(26),
} as const;

/** Text block width, 8845 twips (156 mm). */
export const TEXT_WIDTH = PAGE.width - PAGE.marginLeft - PAGE.marginRight;

/** Text block height, 12756 twips (225 mm). */
export const TEXT_HEIGHT = PAGE.height - PAGE.marginTop - PAGE.marginBottom;

export const LINES_PER_PAGE = 22;
export const CHARS_PER_LINE = 28;

/**
 * Exact line spacing of body text: 579 twips (28.95 pt), the largest whole
 * twip value with which 22 lines fit in the 225 mm text block.
 */
export const LINE_PITCH = Math.floor(TEXT_HEIGHT / LINES_PER_PAGE);

/** Chinese font sizes (字号) in half-points. */
export const FONT_SIZE = {
  /** 初号, 42 pt. */
  chu: 84,
  /** 2号, 22 pt. */
  two: 44,
  /** 3号, 16 pt. */
  three: 32,
  /** 4号, 14 pt. */
  four: 28,
  /** 小四, 12 pt. */
  smallFour: 24,
} as const;

/**
 * Character spacing of body text in twips (w:spacing). A 16 pt character is
 * 320 twips wide, and 28 of them (8960) overflow the 8845-twip line, so each
 * is narrowed by 5 twips (0.25 pt): 28 × 315 = 8820 fits and 29 does not.
 */
export const BODY_CHARACTER_SPACING = -Math.ceil(FONT_SIZE.three * 10 - TEXT_WIDTH / CHARS_PER_LINE);

/** Width of one body character (one 字) in twips, used for indents. */
export const BODY_CHAR_WIDTH = FONT_SIZE.three * 10 + BODY_CHARACTER_SPACING;

/**
 * Font names as they appear in the document. Machines with the official fonts
 * show them; elsewhere config/fontconfig/fonts.conf maps them to Noto CJK.
 */
export const FONT = {
  /** 标题、版头: 方正小标宋简体. */
  title: '方正小标宋简体',
  /** 正文: 仿宋_GB2312. */
  body: '仿宋_GB2312',
  /** 一级标题: 黑体. */
  heading1: '黑体',
  /** 二级标题: 楷体_GB2312. */
  heading2: '楷体_GB2312',
  /** 页码: 宋体. */
  pageNumber: '宋体',
} as const;

/** Red of the header (版头) and its separator line. */
export const HEADER_RED = 'FF0000';

/**
 * Distance from the bottom page edge to the bottom of the page-number line.
 * The standard puts the top of the page number 7 mm below the text block,
 * i.e. 28 mm above the page edge, and the footer line is 16 pt high.
 */
export const FOOTER_DISTANCE = mmToTwips(35 - 7) - 320;
