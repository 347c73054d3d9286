/**
 * Demo data of the information work: the 30 days before today with most
 * units on time, a few late or missing, items in several categories, adopted
 * items compiled into signed and sent bulletins, and two leaders'
 * instructions with feedback. Today is left empty so the board starts fresh.
 */
import { rectificationDeadline, type ReportCategory } from '../../domain/reports/index.js';
import { addDays, zonedInstant, zonedParts } from '../../domain/time.js';
import type { AppContext } from '../context.js';
import type { BulletinsTable, DailyReportsTable, ReportItemsTable, ReportItemVersionsTable } from '../db/reports-tables.js';
import { newId, toDbInstant, toDbJson } from '../db/sql-values.js';
import { nextSequenceValue } from '../db/sequences.js';
import type { DemoSeeder } from '../seed/demo-registry.js';
import { composeSections, defaultBulletinTitle } from '../bulletins/bulletins.service.js';
import { itemContentOf } from './report-item-view.js';
import { reportingUnits } from './daily-reports.service.js';

const DAYS = 30;

const SAMPLE_ITEMS: Array<{ category: ReportCategory; title: string; content: string }> = [
  { category: 'rule_of_law', title: '开展“宪法进社区”普法宣传', content: '在辖区街道开展法治宣传活动，发放资料300余份，解答群众法律咨询40余人次。' },
  { category: 'law_enforcement', title: '开展行政执法案卷评查', content: '抽查行政执法案卷25卷，发现问题4个，已反馈相关执法单位限期整改。' },
  { category: 'penalty_execution', title: '社区矫正对象集中教育', content: '组织社区矫正对象集中教育学习，参加38人，开展心理辅导6人次。' },
  { category: 'rehabilitation', title: '戒毒所开展家属帮教日活动', content: '邀请戒毒人员家属42名到所开展帮教，所内秩序稳定。' },
  { category: 'legal_services', title: '公共法律服务中心接待来访', content: '接待群众来访咨询56人次，12348热线接听来电103个，指派法律援助案件9件。' },
  { category: 'staff', title: '开展司法行政队伍教育整顿学习', content: '组织干警集中学习2次，参学率100%。' },
  { category: 'incidents', title: '调处一起邻里纠纷', content: '司法所人民调解员会同社区网格员开展现场调解，双方当场达成和解协议。' },
  { category: 'reform', title: '推行调解协议司法确认线上办理', content: '与区法院对接，调解协议司法确认实现线上申请，平均办理时间缩短至3天。' },
  { category: 'other', title: '做好节前安全检查', content: '对办公场所、档案室开展安全检查，排查隐患2处，均已整改。' },
];

export const reportsDemoSeeder: DemoSeeder = {
  name: 'reports',
  async run(ctx: AppContext, seed) {
    const tz = ctx.config.timeZone;
    const today = zonedParts(ctx.clock.now(), tz).date;
    const units = await reportingUnits(ctx.db.kysely);
    if (units.length === 0) return;
    const officer = seed.personIdByKey.get('officer-1') ? '王晓明' : '值班员';

    await ctx.db.kysely.transaction().execute(async (trx) => {
      const reports: DailyReportsTable[] = [];
      const items: ReportItemsTable[] = [];
      const versions: ReportItemVersionsTable[] = [];
      let sampleIndex = 0;

      for (let offset = DAYS; offset >= 1; offset -= 1) {
        const date = addDays(today, -offset);
        units.forEach((unit, unitIndex) => {
          // A fixed pattern: about one unit in 25 misses a day, one in 15 is late.
          const pattern = (offset * 7 + unitIndex * 3) % 50;
          if (pattern === 0 || pattern === 17) return;
          const late = pattern === 5 || pattern === 31 || pattern === 44;
          const time = late ? `15:${String(10 + (unitIndex % 40)).padStart(2, '0')}` : `${String(9 + (unitIndex % 5)).padStart(2, '0')}:${String((unitIndex * 7) % 60).padStart(2, '0')}`;
          const submittedAt = zonedInstant(date, time, tz);
          const withItems = (offset + unitIndex) % 3 === 0;
          const reportId = newId();
          reports.push({
            id: reportId,
            unit_id: unit.unitId,
            report_date: date,
            kind: withItems ? 'items' : 'zero',
            submitted_at: toDbInstant(submittedAt),
            submitted_by: 'demo',
            submitter_name: '单位信息员',
            idempotency_key: `demo-${date}-${unit.unitId}`,
            request_hash: null,
            note: null,
          });
          if (!withItems) return;
          const sample = SAMPLE_ITEMS[sampleIndex % SAMPLE_ITEMS.length]!;
          sampleIndex += 1;
          const adopted = sampleIndex % 4 !== 0;
          const row: ReportItemsTable = {
            id: newId(),
            daily_report_id: reportId,
            position: 0,
            unit_id: unit.unitId,
            report_date: date,
            category: sample.category,
            title: `${unit.unitName.replace(/海口市|司法局$/g, '')}${sample.title}`,
            content: sample.content,
            occurred_at: null,
            place: null,
            source: null,
            people_involved: null,
            measures: null,
            urgent: 0,
            phone_first: 0,
            early_sign: 0,
            attachment_ids: '[]',
            status: adopted ? 'adopted' : 'submitted',
            review_reason: null,
            merged_into_id: null,
            marked_by_name: adopted ? officer : null,
            marked_at: adopted ? toDbInstant(zonedInstant(date, '15:20', tz)) : null,
            reviewed_by_name: adopted ? '黄志强' : null,
            reviewed_at: adopted ? toDbInstant(zonedInstant(date, '15:28', tz)) : null,
            version: 1,
            written_supplement_due_at: null,
            written_supplement_at: null,
            verification_due_at: null,
            verified_at: null,
            closed_at: null,
            created_at: toDbInstant(submittedAt),
            updated_at: toDbInstant(submittedAt),
          };
          items.push(row);
          versions.push({ id: newId(), item_id: row.id, version: 1, snapshot: toDbJson(itemContentOf(row, tz)), created_at: row.created_at, created_by_name: '单位信息员' });
        });
      }

      for (let start = 0; start < reports.length; start += 200) await trx.insertInto('daily_reports').values(reports.slice(start, start + 200)).execute();
      for (let start = 0; start < items.length; start += 100) await trx.insertInto('report_items').values(items.slice(start, start + 100)).execute();
      for (let start = 0; start < versions.length; start += 200) await trx.insertInto('report_item_versions').values(versions.slice(start, start + 200)).execute();

      // Late and missing reports recorded against the units.
      const submitted = new Set(reports.map((report) => `${report.report_date}|${report.unit_id}`));
      const violations = [];
      for (let offset = DAYS; offset >= 1; offset -= 1) {
        const date = addDays(today, -offset);
        const due = toDbInstant(rectificationDeadline(date, tz).dueAt);
        for (const unit of units) {
          const report = reports.find((candidate) => candidate.report_date === date && candidate.unit_id === unit.unitId);
          const kind = !submitted.has(`${date}|${unit.unitId}`) ? 'missing' : report && report.submitted_at > toDbInstant(zonedInstant(date, '15:00', tz)) ? 'late' : null;
          if (!kind) continue;
          violations.push({ id: newId(), unit_id: unit.unitId, report_date: date, kind: kind as 'late' | 'missing', recorded_at: due, rectification_due_at: due, rectified_at: offset > 7 ? due : null });
        }
      }
      if (violations.length > 0) await trx.insertInto('report_violations').values(violations).execute();

      // One signed and sent bulletin per day, numbered in order.
      const bulletins: BulletinsTable[] = [];
      for (let offset = DAYS; offset >= 1; offset -= 1) {
        const date = addDays(today, -offset);
        const year = Number(date.slice(0, 4));
        const issueNumber = await nextSequenceValue(trx, `bulletin-${year}`);
        const sections = await composeSections(trx, date, year, issueNumber);
        bulletins.push({
          id: newId(),
          year,
          issue_number: issueNumber,
          report_date: date,
          title: defaultBulletinTitle(date),
          body: toDbJson(sections),
          status: 'sent',
          edited_by_name: officer,
          reviewed_by_name: '黄志强',
          reviewed_at: toDbInstant(zonedInstant(date, '15:35', tz)),
          signed_by_person_id: seed.personIdByKey.get('commander-2') ?? null,
          signed_by_name: '陈海峰',
          signed_at: toDbInstant(zonedInstant(date, '15:45', tz)),
          sent_at: toDbInstant(zonedInstant(date, '15:55', tz)),
          created_at: toDbInstant(zonedInstant(date, '15:30', tz)),
          updated_at: toDbInstant(zonedInstant(date, '15:55', tz)),
        });
      }
      await trx.insertInto('bulletins').values(bulletins).execute();

      // Two instructions: one closed after daily feedback, one still open.
      const first = units.find((unit) => unit.unitName === '秀英区司法局') ?? units[0]!;
      const second = units.find((unit) => unit.unitName === '龙华区司法局') ?? units[1] ?? units[0]!;
      const instructions = [
        { id: newId(), daysAgo: 6, leader: '市委政法委书记', text: '请做好节前矛盾纠纷排查化解，每日报告进展。', closed: true },
        { id: newId(), daysAgo: 2, leader: '局党委书记、局长', text: '请加强社区矫正对象监管，确保不发生脱管漏管。', closed: false },
      ];
      for (const instruction of instructions) {
        const passedDown = zonedInstant(addDays(today, -instruction.daysAgo), '10:00', tz);
        await trx
          .insertInto('leader_instructions')
          .values({
            id: instruction.id,
            leader_name: instruction.leader,
            issued_on: addDays(today, -instruction.daysAgo),
            text: instruction.text,
            related_item_id: null,
            related_incident_id: null,
            passed_down_at: toDbInstant(passedDown),
            registered_by_name: officer,
            status: instruction.closed ? 'closed' : 'open',
            closed_at: instruction.closed ? toDbInstant(zonedInstant(addDays(today, -3), '17:00', tz)) : null,
            closed_by_name: instruction.closed ? '黄志强' : null,
          })
          .execute();
        const assigned = [first, second];
        await trx.insertInto('instruction_units').values(assigned.map((unit) => ({ instruction_id: instruction.id, unit_id: unit.unitId }))).execute();
        const lastDay = instruction.closed ? 3 : 1;
        for (let daysAgo = instruction.daysAgo; daysAgo >= lastDay; daysAgo -= 1) {
          const date = addDays(today, -daysAgo);
          for (const [index, unit] of assigned.entries()) {
            // The second unit skips a day of the open instruction, so the page shows an overdue feedback.
            if (!instruction.closed && index === 1 && daysAgo === 1) continue;
            await trx
              .insertInto('instruction_feedback')
              .values({ id: newId(), instruction_id: instruction.id, unit_id: unit.unitId, feedback_date: date, content: `${date.slice(5)} 已按批示要求部署落实，当日未发现新情况。`, submitted_at: toDbInstant(zonedInstant(date, '16:30', tz)), submitted_by_name: '单位信息员' })
              .execute();
          }
        }
      }
    });
  },
};
