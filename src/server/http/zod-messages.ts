/**
 * Chinese validation messages for zod, in the words a form shows next to a
 * field. The field's name is added by the error handler.
 */
import { z } from 'zod';

const typeNames: Record<string, string> = {
  string: '文本',
  number: '数字',
  int: '整数',
  boolean: '是/否',
  array: '列表',
  object: '对象',
  date: '日期',
};

type Issue = z.core.$ZodRawIssue;

function sizeMessage(issue: Issue & { origin?: string }, bound: 'min' | 'max', value: number | bigint): string {
  const n = Number(value);
  switch (issue.origin) {
    case 'string':
      if (bound === 'min') return n <= 1 ? '不能为空，请填写' : `至少需要${n}个字符`;
      return `不能超过${n}个字符，请精简`;
    case 'array':
    case 'set':
      if (bound === 'min') return n <= 1 ? '至少需要选择或填写1项' : `至少需要${n}项`;
      return `不能超过${n}项`;
    default:
      return bound === 'min' ? `不能小于${n}` : `不能大于${n}`;
  }
}

function formatMessage(format: string): string {
  switch (format) {
    case 'date':
      return '应为“年-月-日”格式的日期，如 2026-03-01';
    case 'datetime':
      return '应为带时区的时间，如 2026-02-17T01:40:00+08:00';
    case 'time':
      return '应为“时:分”格式的时间，如 08:30';
    case 'email':
      return '应为有效的电子邮箱地址';
    case 'uuid':
      return '不是有效的编号，请重新选择';
    default:
      return '格式不正确，请检查后重新填写';
  }
}

export function chineseZodMessage(issue: Issue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null) return '为必填项，请填写';
      return `类型不正确，应为${typeNames[issue.expected] ?? issue.expected}`;
    case 'too_small':
      return sizeMessage(issue, 'min', issue.minimum);
    case 'too_big':
      return sizeMessage(issue, 'max', issue.maximum);
    case 'invalid_format':
      return formatMessage(issue.format);
    case 'invalid_value': {
      // Code values (department, swap…) mean nothing to users, so only Chinese or numeric choices are listed.
      const values = issue.values.map(String);
      const readable = values.every((value) => /[\u4e00-\u9fa5]|^\d+$/.test(value));
      return readable ? `取值无效，应为以下之一：${values.join('、')}` : '取值无效，请从列表中重新选择';
    }
    case 'unrecognized_keys':
      return `包含不支持的字段：${issue.keys.join('、')}`;
    case 'not_multiple_of':
      return `应为${String(issue.divisor)}的整数倍`;
    case 'invalid_union':
      return '取值不符合要求，请检查后重新填写';
    case 'custom':
      return issue.message ?? '取值不符合要求';
    default:
      return undefined;
  }
}

let installed = false;

export function installChineseZodMessages(): void {
  if (installed) return;
  installed = true;
  z.config({ customError: chineseZodMessage });
}
