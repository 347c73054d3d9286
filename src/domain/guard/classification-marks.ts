/**
 * Detects classification marks (密级标识) in free text. The system is not a
 * classified system, so text that carries a mark is rejected. Text that only
 * talks about confidentiality work (保密工作会议, 涉密载体管理, 国家秘密, 商业秘密,
 * 数据机密性) is accepted.
 *
 * A level word is 绝密, 机密 or 秘密 (traditional forms 絕密, 機密, 祕密 too). Its
 * two characters may be separated by "gap" characters: whitespace including
 * the full-width space, zero-width characters, line breaks and punctuation.
 * A level word is a mark when any of these holds:
 *   1. Star: a ★ or ☆ follows it (绝密★, 机密★3年, 秘密 ★ 1年).
 *   2. Bracket: it is the whole content of a bracket pair, optionally with
 *      级 or a star and period: 【机密】, [秘密], (绝密), 〔秘密★1年〕, （机密级）.
 *      Quotation marks and 《》 do not count, so “绝密”“机密”“秘密”三级 and the
 *      film title 《秘密》 pass.
 *   3. Label: it follows a classification label, optionally with separators,
 *      a bracket, 为 or 是: 密级：秘密, 涉密（机密）, 定为绝密, 标密 机密.
 *      Labels: 密级, 定密, 标密, 涉密, 定为, 列为, 标注为, 标为, gap-tolerant
 *      like the level words. The next character must not glue the level word
 *      into a longer word, so 定为机密性要求高的系统 passes.
 *   4. Line start: only whitespace precedes it on its line. After it, and
 *      after an optional 级 or period, comes whitespace, a colon, or nothing
 *      but punctuation up to the line end (机密：…, 秘密 关于…, 绝密级,
 *      机密 10年, 机密。). A comma followed by more text does not count, so
 *      绝密、机密、秘密三个密级 passes.
 *   5. Standing alone: whitespace before it, and whitespace or nothing but
 *      punctuation up to the line end after it (份号 000123  机密  特急).
 * A bare star with a period is a mark as well (★10年, ★一年, ★长期), unless the
 * period runs on into a word (★一年来, a bullet point).
 *
 * Everything else passes: a level word inside running text (秘密会议, 机密性,
 * 商业秘密, 工作秘密, 绝密行动), in quotes, or in an enumeration such as
 * 分为绝密、机密、秘密三级.
 */

/** A classification mark found in a text, with its UTF-16 index in that text. */
export interface ClassificationMark {
  /** The mark in normalized form, gaps removed, e.g. `机密★3年`. */
  mark: string;
  index: number;
}

const GAP_CLASS = String.raw`[\s\p{Z}\p{Cf}\p{P}]`;
const INVISIBLE = /[\p{Cf}]/u;
const WHITESPACE = /[\s\p{Z}]/u;
const STAR = /[★☆]/u;

// Period after a star: digits (ASCII or full-width) or Chinese numerals with a
// unit, 长期, or a full date such as 2030年12月31日.
const PERIOD_SOURCE = String.raw`(?:[0-9０-９]+年(?:[0-9０-９]+月(?:[0-9０-９]+日)?)?|[0-9０-９]+个?月|[一二三四五六七八九十两]+个?(?:年|月)|长期)`;

const LEVEL_WORD = new RegExp(String.raw`([绝絕机機秘祕])(${GAP_CLASS}*)([密])`, 'gu');
const BARE_STAR_PERIOD = new RegExp(String.raw`[★☆]${GAP_CLASS}*${PERIOD_SOURCE}`, 'gu');
const PERIOD_AT_START = new RegExp(String.raw`^${GAP_CLASS}*${PERIOD_SOURCE}`, 'u');

const LABELS = ['密级', '定密', '标密', '涉密', '定为', '列为', '标注为', '标为'];
// Labels are gap-tolerant like level words (密 级：机密). 密级 right after a
// level character is the tail of 机密级 and no label.
const LABEL_BEFORE = new RegExp(
  String.raw`(?<![绝絕机機秘祕]${GAP_CLASS}*)(?:${LABELS.map((label) => [...label].join(`${GAP_CLASS}*`)).join('|')})` +
    String.raw`${GAP_CLASS}*(?:[为是]${GAP_CLASS}*)?$`,
  'u',
);

const OPENING_BRACKETS = '【[(（〔［「『〖<＜';
const CLOSING_BRACKETS = '】])）〕］」』〗>＞';

const SIMPLIFIED_FIRST_CHAR: Record<string, string> = {
  绝: '绝',
  絕: '绝',
  机: '机',
  機: '机',
  秘: '秘',
  祕: '秘',
};

/** Finds every classification mark in `text`, in order of position. */
export function findClassificationMarks(text: string): ClassificationMark[] {
  const marks: ClassificationMark[] = [];
  const covered: Array<[number, number]> = [];

  for (const match of text.matchAll(LEVEL_WORD)) {
    const start = match.index;
    const end = start + match[0].length;
    const level = `${SIMPLIFIED_FIRST_CHAR[match[1] ?? ''] ?? ''}密`;
    const suffix = markSuffix(text, end);
    if (!isMarkingPosition(text, start, suffix)) continue;

    marks.push({ mark: level + suffix.text, index: start });
    covered.push([start, suffix.end]);
  }

  for (const match of text.matchAll(BARE_STAR_PERIOD)) {
    const start = match.index;
    const end = start + match[0].length;
    if (covered.some(([from, to]) => start >= from && start < to)) continue;
    if (continuesWord(text, end)) continue;
    marks.push({ mark: stripGaps(match[0]), index: start });
  }

  return marks.sort((a, b) => a.index - b.index);
}

interface Suffix {
  /** Normalized text after the level word that belongs to the mark (★3年, 级). */
  text: string;
  /** Index just past that suffix (equal to the level word's end when empty). */
  end: number;
  hasStar: boolean;
}

function markSuffix(text: string, levelEnd: number): Suffix {
  let position = skipGaps(text, levelEnd);
  const next = text[position];

  if (next !== undefined && STAR.test(next)) {
    position += 1;
    const period = PERIOD_AT_START.exec(text.slice(position));
    const periodText = period ? stripGaps(period[0]) : '';
    const end = period ? position + period[0].length : position;
    return { text: `${next}${periodText}`, end, hasStar: true };
  }
  // 级 must follow directly: across a line break it starts a new word (机密\n级别…).
  const directlyAfter = skipInvisible(text, levelEnd);
  if (text[directlyAfter] === '级') {
    return { text: '级', end: directlyAfter + 1, hasStar: false };
  }
  const period = PERIOD_AT_START.exec(text.slice(levelEnd));
  if (period && !continuesWord(text, levelEnd + period[0].length)) {
    return { text: stripGaps(period[0]), end: levelEnd + period[0].length, hasStar: false };
  }
  return { text: '', end: levelEnd, hasStar: false };
}

function isMarkingPosition(text: string, start: number, suffix: Suffix): boolean {
  if (suffix.hasStar) return true;
  if (isBracketed(text, start, suffix.end)) return true;

  const gluedToNextWord = continuesWord(text, suffix.end);
  const labelBefore = withoutInvisible(text.slice(Math.max(0, start - 12), start));
  if (LABEL_BEFORE.test(labelBefore) && !gluedToNextWord) return true;

  const before = visibleBefore(text, start);
  const atLineStart = before === undefined || before === '\n' || before === '\r';
  const after = text[skipInvisible(text, suffix.end)];
  const lineEndsOrSpaceFollows =
    after === undefined || WHITESPACE.test(after) || onlyGapsToLineEnd(text, suffix.end);
  // A colon after a level word at the start of a line reads as a heading (机密：…),
  // but an enumeration comma does not (绝密、机密、秘密三个密级).
  if (atLineStart && (lineEndsOrSpaceFollows || after === '：' || after === ':')) return true;

  const spaceBefore = WHITESPACE.test(text[start - 1] ?? '');
  return spaceBefore && lineEndsOrSpaceFollows;
}

/** Returns whether only gap characters follow `index` up to the end of its line. */
function onlyGapsToLineEnd(text: string, index: number): boolean {
  for (let i = index; i < text.length; i += 1) {
    const char = text[i] ?? '';
    if (char === '\n' || char === '\r') return true;
    if (!isGap(char)) return false;
  }
  return true;
}

function isBracketed(text: string, start: number, end: number): boolean {
  const opening = previousNonGapOrBracket(text, start);
  if (opening === undefined || !OPENING_BRACKETS.includes(opening)) return false;
  const closing = text[skipGaps(text, end, true)];
  return closing !== undefined && CLOSING_BRACKETS.includes(closing);
}

/** Returns whether the visible character at `index` glues the text before it into a longer word. */
function continuesWord(text: string, index: number): boolean {
  const next = text[skipInvisible(text, index)];
  return next !== undefined && /[\p{Script=Han}\p{L}\p{N}]/u.test(next);
}

/** Returns the nearest character before `index`, skipping spaces and invisible characters. */
function visibleBefore(text: string, index: number): string | undefined {
  for (let i = index - 1; i >= 0; i -= 1) {
    const char = text[i] ?? '';
    if (char === '\n' || char === '\r') return char;
    if (WHITESPACE.test(char) || INVISIBLE.test(char)) continue;
    return char;
  }
  return undefined;
}

/**
 * Returns the nearest character before `index` that is not a gap, where an
 * opening bracket counts as a non-gap character although it is punctuation.
 */
function previousNonGapOrBracket(text: string, index: number): string | undefined {
  for (let i = index - 1; i >= 0; i -= 1) {
    const char = text[i] ?? '';
    if (OPENING_BRACKETS.includes(char) || !isGap(char)) return char;
  }
  return undefined;
}

function skipGaps(text: string, index: number, stopAtBrackets = false): number {
  let position = index;
  while (position < text.length) {
    const char = text[position] ?? '';
    if (stopAtBrackets && CLOSING_BRACKETS.includes(char)) break;
    if (!isGap(char)) break;
    position += 1;
  }
  return position;
}

function skipInvisible(text: string, index: number): number {
  let position = index;
  while (position < text.length && INVISIBLE.test(text[position] ?? '')) position += 1;
  return position;
}

function isGap(char: string): boolean {
  return /^[\s\p{Z}\p{Cf}\p{P}]$/u.test(char);
}

/** Removes gap characters and turns full-width digits into ASCII digits. */
function stripGaps(value: string): string {
  return value
    .replace(/[\s\p{Z}\p{Cf}\p{P}]/gu, '')
    .replace(/[０-９]/gu, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0));
}

function withoutInvisible(value: string): string {
  return value.replace(/\p{Cf}/gu, '');
}
