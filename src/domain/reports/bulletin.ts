import { chineseNumeral } from '../incidents/report-labels.js';
import { REPORT_CATEGORIES, REPORT_CATEGORY_LABELS, type ReportCategory } from './categories.js';

/** An adopted item as the bulletin needs it. */
export interface BulletinSourceItem {
  id: string;
  category: ReportCategory;
  title: string;
  content: string;
  unitName: string;
  /** Submission order inside a category: earlier first. */
  submittedAt: Date;
}

export interface BulletinSection {
  category: ReportCategory;
  /** 一、法治建设 */
  heading: string;
  items: Array<{ id: string; number: number; title: string; content: string; unitName: string }>;
}

export interface BulletinComposition {
  /** 2026年第12期 */
  issueLabel: string;
  sections: BulletinSection[];
  itemCount: number;
}

/**
 * Composes the bulletin 《司法要情》 from a day's adopted items: one section per
 * category that has items, in the order of the twelve categories, headed
 * 一、二、三… as numbered in the document; items keep submission order and
 * are numbered 1, 2, 3… through the whole issue.
 */
export function composeBulletin(year: number, issueNumber: number, items: readonly BulletinSourceItem[]): BulletinComposition {
  if (!Number.isInteger(issueNumber) || issueNumber < 1) {
    throw new RangeError(`期号“${issueNumber}”无效，请使用从 1 开始的整数。`);
  }
  if (!Number.isInteger(year) || year < 2000 || year > 9999) {
    throw new RangeError(`年份“${year}”无效。`);
  }

  const sections: BulletinSection[] = [];
  let number = 0;
  for (const category of REPORT_CATEGORIES) {
    const inCategory = items
      .filter((item) => item.category === category)
      .sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime() || a.id.localeCompare(b.id));
    if (inCategory.length === 0) continue;

    sections.push({
      category,
      heading: `${chineseNumeral(sections.length + 1)}、${REPORT_CATEGORY_LABELS[category]}`,
      items: inCategory.map((item) => {
        number += 1;
        return { id: item.id, number, title: item.title, content: item.content, unitName: item.unitName };
      }),
    });
  }
  return { issueLabel: `${year}年第${issueNumber}期`, sections, itemCount: number };
}
