/** Zod building blocks used by many routes. */
import { z } from 'zod';
import { isIsoDate } from '../../domain/time.js';
import { limits } from '../../shared/limits.js';

export const idParam = z.object({ id: z.string().min(1).max(64) });

export const isoDate = z
  .string()
  .refine(isIsoDate, { message: '应为“年-月-日”格式的有效日期，如 2026-03-01' });

export const monthKey = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: '应为“年-月”格式，如 2026-03' });

/** An instant with an explicit offset, e.g. 2026-02-17T01:40:00+08:00. */
export const instant = z.iso.datetime({ offset: true });

export const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: '应为“时:分”格式，如 08:30' });

export const phone = z.string().trim().regex(limits.phone.pattern, { message: '应为5到20位的电话号码，只能包含数字、空格和+-()' });

export const pageQuery = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(limits.pageSize.max).default(20),
};

export const booleanQuery = z.enum(['true', 'false']).transform((value) => value === 'true');

export const okResponse = z.object({ ok: z.literal(true) });

/** Optional text: empty strings become null so "cleared" and "never set" are the same. */
export function optionalText(max: number) {
  return z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((value) => (value === undefined ? undefined : value === '' ? null : value));
}

export function requiredText(max: number) {
  return z.string().trim().min(1).max(max);
}
