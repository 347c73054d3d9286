/** Label of the first report of an incident (首报). */
export const INITIAL_REPORT_LABEL = '首报';

/** Label of the closing report of an incident (终报). */
export const FINAL_REPORT_LABEL = '终报';

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const UNITS = ['', '十', '百', '千'];

/**
 * Writes 1-9999 in Chinese numerals as used in document titles: 十一, 二十,
 * 一百零五, 一千零一十. Ten to nineteen drop the leading 一 (十, 十九).
 */
export function chineseNumeral(value: number): string {
  if (!Number.isInteger(value) || value < 1 || value > 9999) {
    throw new RangeError(`序号“${value}”无效，请使用 1 至 9999 的整数。`);
  }

  const digits = String(value).split('').map(Number);
  let text = '';
  let pendingZero = false;
  digits.forEach((digit, position) => {
    const unit = UNITS[digits.length - 1 - position] ?? '';
    if (digit === 0) {
      pendingZero = text.length > 0;
      return;
    }
    if (pendingZero) text += '零';
    pendingZero = false;
    text += `${DIGITS[digit] ?? ''}${unit}`;
  });

  return value >= 10 && value < 20 ? text.replace(/^一十/, '十') : text;
}

/** Label of the n-th follow-up report (续报一, 续报二 … 续报十一). */
export function followUpLabel(n: number): string {
  if (!Number.isInteger(n) || n < 1) {
    throw new RangeError(`续报序号“${n}”无效，请使用从 1 开始的整数。`);
  }
  return `续报${chineseNumeral(n)}`;
}
