/**
 * Demo month of video patrols, night checks, problems in every rectification
 * state, roll calls on holidays and sensitive days, the rehabilitation
 * center's daily figures and platform checks. Deterministic: the same "today"
 * gives the same data.
 */
import { createRandom, type PatrollerRole, type ProblemKind, type ProblemStatus } from '../../domain/patrols/index.js';
import { addDays, dutyDateOf, zonedInstant, type IsoDate } from '../../domain/time.js';
import { appendAudit, systemActor } from '../audit/audit-log.js';
import { storeAttachment } from '../attachments/attachments.service.js';
import type { AppContext } from '../context.js';
import type { Executor } from '../db/database.js';
import { fromDbJson, newId, toDbInstant, toDbJson } from '../db/sql-values.js';
import { drawPlanRow } from '../night-checks/night-checks.service.js';
import { answerSheet, readRollCallSettings } from '../roll-calls/roll-calls.service.js';
import type { DemoSeeder } from '../seed/demo-registry.js';
import { demoSites } from './demo-sites.js';
import { daysOf } from './duty-sources.js';
import { insertProblem } from './problems.service.js';

const DEMO_DAYS = 30;
const HOUR = 3_600_000;

/** Smallest valid PDF header, enough for the upload type check of a demo scan. */
const DEMO_SCAN = Buffer.from('%PDF-1.4\n% 演示用整改报告扫描件\n%%EOF\n', 'utf8');

const findings: { kind: ProblemKind; text: string }[] = [
  { kind: 'off_post', text: '视频中值班席位无人，电话联系后值班人员10分钟后返回' },
  { kind: 'asleep', text: '值班人员趴在桌上睡觉，呼叫后才应答' },
  { kind: 'equipment', text: '视频画面中断，监控终端显示离线' },
  { kind: 'uniform', text: '值班民警未按规定着装，未佩戴警号' },
  { kind: 'hazard', text: '车间消防通道堆放杂物，存在安全隐患' },
  { kind: 'other', text: '值班记录未按要求填写交接班情况' },
];

interface Ids {
  officerUserId: string;
  officerName: string;
  unitUsers: Map<string, { userId: string; name: string }>;
  adminUserId: string;
  centerUnitId: string;
}

async function loadIds(db: Executor): Promise<Ids> {
  const users = await db.selectFrom('users').select(['id', 'username', 'name', 'unit_id', 'roles']).execute();
  const officer = users.find((user) => user.username === 'officer') ?? users[0]!;
  const admin = users.find((user) => user.username === 'admin') ?? officer;
  const unitUsers = new Map<string, { userId: string; name: string }>();
  for (const user of users) {
    if (fromDbJson<string[]>(user.roles, []).includes('unit_liaison')) unitUsers.set(user.unit_id, { userId: user.id, name: user.name });
  }
  const center = await db.selectFrom('units').select('id').where('kind', '=', 'command_center').executeTakeFirstOrThrow();
  return { officerUserId: officer.id, officerName: officer.name, unitUsers, adminUserId: admin.id, centerUnitId: center.id };
}

export const patrolsDemoSeeder: DemoSeeder = {
  name: 'patrols',
  async run(ctx, seed) {
    const existing = await ctx.db.kysely.selectFrom('patrol_sites').select('id').limit(1).executeTakeFirst();
    if (existing) return;

    const now = ctx.clock.now();
    const tz = ctx.config.timeZone;
    const today = dutyDateOf(now, tz, ctx.config.handoverTime);
    const first = addDays(today, -DEMO_DAYS);
    const random = createRandom(`patrols-demo|${today}`);
    const ids = await loadIds(ctx.db.kysely);
    const officerActor = { ...systemActor, userId: ids.officerUserId, name: ids.officerName };
    const problemIds: { id: string; unitId: string; foundAt: Date }[] = [];

    await ctx.db.kysely.transaction().execute(async (trx) => {
      // Sites.
      const siteRows = demoSites
        .filter((site) => seed.unitIdByKey.has(site.unit))
        .map((site, index) => ({
          id: newId(),
          name: site.name,
          unit_id: seed.unitIdByKey.get(site.unit)!,
          kind: site.kind,
          check_method: site.checkMethod,
          active: 1,
          sort_order: index,
          note: null,
          created_at: toDbInstant(now),
          updated_at: toDbInstant(now),
        }));
      for (const row of siteRows) await trx.insertInto('patrol_sites').values(row).execute();
      const rehabSites = siteRows.filter((row) => row.unit_id === seed.unitIdByKey.get('luoniushan'));

      // Video patrols, one or two a day, with a finding now and then.
      for (let date = first; date < today; date = addDays(date, 1)) {
        const patrols: { role: PatrollerRole; name: string; sites: typeof siteRows }[] = [
          { role: 'officer', name: ids.officerName, sites: random.shuffle(siteRows).slice(0, 4) },
        ];
        if (random.next() < 0.35) patrols.push({ role: 'seat_rehab', name: '麦振宇', sites: random.shuffle(rehabSites).slice(0, 3) });
        for (const [index, patrol] of patrols.entries()) {
          const patrolledAt = zonedInstant(date, index === 0 ? '10:00' : '15:30', tz);
          patrolledAt.setTime(patrolledAt.getTime() + random.nextInt(90) * 60_000);
          const recordId = newId();
          await trx
            .insertInto('patrol_records')
            .values({
              id: recordId,
              patrolled_at: toDbInstant(patrolledAt),
              duty_date: date,
              patroller_role: patrol.role,
              patroller_name: patrol.name,
              method: 'video',
              summary: '按巡查顺序逐一查看，值班值守总体正常。',
              recorded_by: ids.officerUserId,
              created_at: toDbInstant(patrolledAt),
            })
            .execute();
          for (const [position, site] of patrol.sites.entries()) {
            const finding = random.next() < 0.06 ? findings[random.nextInt(findings.length)]! : null;
            await trx
              .insertInto('patrol_record_items')
              .values({
                id: newId(),
                record_id: recordId,
                site_id: site.id,
                position: position + 1,
                observation: finding ? finding.text : '值班人员在岗在位，秩序正常',
                has_problem: finding ? 1 : 0,
                attachment_ids: '[]',
              })
              .execute();
            if (!finding) continue;
            const problem = await insertProblem(trx, officerActor, { siteId: site.id, kind: finding.kind, description: finding.text, source: 'patrol', sourceId: recordId, foundByName: patrol.name, foundAt: patrolledAt }, patrolledAt);
            problemIds.push({ ...problem, foundAt: patrolledAt });
          }
        }
      }

      // Night-check plans with the officer's records of the checks already due.
      for (let date = first; date <= today; date = addDays(date, 1)) {
        const plan = await drawPlanRow(ctx, trx, date, { createdBy: ids.officerUserId, now: zonedInstant(date, '20:00', tz) });
        await trx.insertInto('night_check_plans').values(plan).execute();
        for (const site of fromDbJson<{ siteId: string; plannedAt: string }[]>(plan.sites_json, [])) {
          const checkedAt = new Date(new Date(site.plannedAt).getTime() + random.nextInt(4) * 60_000);
          if (checkedAt.getTime() > now.getTime() || random.next() < 0.04) continue;
          const finding = random.next() < 0.07 ? findings[random.nextInt(3)]! : null;
          const recordId = newId();
          await trx
            .insertInto('night_check_records')
            .values({
              id: recordId,
              plan_id: plan.id,
              site_id: site.siteId,
              checked_at: toDbInstant(checkedAt),
              method: siteRows.find((row) => row.id === site.siteId)?.check_method ?? 'video',
              reached: 1,
              answered_by: '值班人员',
              in_post: finding && finding.kind !== 'equipment' ? 0 : 1,
              findings: finding ? finding.text : '值班人员在岗在位，精神状态良好',
              planned: 1,
              recorded_by: ids.officerUserId,
              created_at: toDbInstant(checkedAt),
            })
            .execute();
          if (!finding) continue;
          const problem = await insertProblem(trx, officerActor, { siteId: site.siteId, kind: finding.kind, description: finding.text, source: 'night_check', sourceId: recordId, foundByName: ids.officerName, foundAt: checkedAt }, checkedAt);
          problemIds.push({ ...problem, foundAt: checkedAt });
        }
      }

      // The rehabilitation center's daily figures.
      const rehabUnitId = seed.unitIdByKey.get('luoniushan');
      const rehabUser = rehabUnitId ? ids.unitUsers.get(rehabUnitId) : undefined;
      if (rehabUnitId && rehabUser) {
        // Through the next calendar date, because before the handover the calendar date is already tomorrow's.
        for (let date = first; date <= addDays(today, 1); date = addDays(date, 1)) {
          await trx
            .insertInto('rehab_daily_reports')
            .values({
              date,
              unit_id: rehabUnitId,
              inmate_count: 420 + random.nextInt(30),
              police_on_duty: `应在岗干警${38 + random.nextInt(4)}名，实际在岗在位，无脱岗离岗`,
              activities: '上午习艺劳动，下午教育矫治和康复训练，晚间收看新闻联播后就寝',
              order_status: '监管安全秩序平稳，无异常情况',
              submitted_by: rehabUser.userId,
              submitted_by_name: rehabUser.name,
              updated_at: toDbInstant(new Date(Math.min(zonedInstant(date, '08:10', tz).getTime(), now.getTime()))),
            })
            .execute();
        }
      }

      // Platform checks: every platform once a day; one fault restored, one still open.
      const platforms = await trx.selectFrom('supervised_platforms').select(['id', 'name']).orderBy('sort_order').execute();
      for (let date = first; date <= today; date = addDays(date, 1)) {
        for (const platform of platforms) {
          const checkedAt = zonedInstant(date, '09:10', tz);
          if (checkedAt.getTime() > now.getTime()) continue;
          const faulty = date === addDays(today, -5) && platform === platforms[1];
          await trx
            .insertInto('platform_checks')
            .values({
              id: newId(),
              platform_id: platform.id,
              duty_date: date,
              checked_at: toDbInstant(checkedAt),
              status: faulty ? 'abnormal' : 'normal',
              note: faulty ? '平台登录超时，部分矫正对象定位数据未刷新，已通知运维单位' : null,
              recorded_by: ids.officerUserId,
              recorded_by_name: ids.officerName,
              restored_at: faulty ? toDbInstant(new Date(checkedAt.getTime() + 6 * HOUR)) : null,
              restored_note: faulty ? '运维单位重启服务后恢复正常' : null,
              restored_by_name: faulty ? ids.officerName : null,
            })
            .execute();
        }
      }
      const videoPlatform = platforms[2];
      if (videoPlatform) {
        const checkedAt = new Date(now.getTime() - 2 * HOUR);
        await trx
          .insertInto('platform_checks')
          .values({
            id: newId(),
            platform_id: videoPlatform.id,
            duty_date: dutyDateOf(checkedAt, tz, ctx.config.handoverTime),
            checked_at: toDbInstant(checkedAt),
            status: 'abnormal',
            note: '琼山区司法局指挥室视频信号中断，已电话通知该局排查',
            recorded_by: ids.officerUserId,
            recorded_by_name: ids.officerName,
            restored_at: null,
            restored_note: null,
            restored_by_name: null,
          })
          .execute();
      }
      await appendAudit(trx, systemActor, { action: 'demo.seed', entityType: 'system', summary: `载入视频巡查演示数据：点位${siteRows.length}个、问题${problemIds.length}个` }, now);
    });

    await advanceProblems(ctx, ids, problemIds, now);
    await seedRollCalls(ctx, ids, first, today, now);
  },
};

/** Rectification state of the index-th demo problem, found `ageDays` ago. */
function demoStatus(ageDays: number, index: number): ProblemStatus {
  if (ageDays < 1.5) return 'open';
  if (ageDays < 4) return index % 2 === 0 ? 'submitted' : 'open';
  if (index % 6 === 1) return 'returned';
  if (index % 6 === 3) return 'open';
  return 'closed';
}

const verifyNotes: Record<ProblemStatus, string | null> = {
  open: null,
  submitted: null,
  returned: '整改报告未写明责任追究情况，请补充后重新报送',
  closed: '经视频复查，整改到位',
};

/**
 * Moves the demo problems through the workflow: older ones closed (one sent
 * back and one left overdue), recent ones reported or still open.
 */
async function advanceProblems(ctx: AppContext, ids: Ids, problems: { id: string; unitId: string; foundAt: Date }[], now: Date): Promise<void> {
  const sorted = [...problems].sort((a, b) => a.foundAt.getTime() - b.foundAt.getTime());
  for (const [index, problem] of sorted.entries()) {
    const ageDays = (now.getTime() - problem.foundAt.getTime()) / (24 * HOUR);
    const target = demoStatus(ageDays, index);
    if (target === 'open') continue;

    const uploader = ids.unitUsers.get(problem.unitId) ?? { userId: ids.adminUserId, name: '系统管理员' };
    const reportAt = new Date(problem.foundAt.getTime() + 20 * HOUR);
    const scan = await storeAttachment(ctx, { ...systemActor, userId: uploader.userId, unitId: problem.unitId, name: uploader.name }, '整改报告（负责同志签字）.pdf', DEMO_SCAN);
    await ctx.db.kysely.transaction().execute(async (trx) => {
      await trx.updateTable('attachments').set({ owner_type: 'patrol_problem_report', owner_id: problem.id }).where('id', '=', scan.id).execute();
      const verifiedAt = new Date(problem.foundAt.getTime() + 40 * HOUR);
      await trx
        .updateTable('patrol_problems')
        .set({
          status: target,
          report_text: '已对当事人批评教育，组织本单位值班人员重新学习值班制度，并落实每日视频自查。',
          report_attachment_ids: toDbJson([scan.id]),
          head_name: '单位主要负责同志',
          head_confirmed: 1,
          report_submitted_at: toDbInstant(reportAt),
          report_submitted_by: uploader.userId,
          verified_by_name: target === 'submitted' ? null : ids.officerName,
          verified_at: target === 'submitted' ? null : toDbInstant(verifiedAt),
          verify_note: verifyNotes[target],
          returned_count: target === 'returned' ? 1 : 0,
          updated_at: toDbInstant(target === 'submitted' ? reportAt : verifiedAt),
        })
        .where('id', '=', problem.id)
        .execute();
    });
  }
}

/** Records one roll call on each holiday or sensitive day of the demo month. */
async function seedRollCalls(ctx: AppContext, ids: Ids, first: IsoDate, today: IsoDate, now: Date): Promise<void> {
  const settings = await readRollCallSettings(ctx.db.kysely);
  const window = settings.windows[0];
  if (!window) return;
  const days = await daysOf(ctx, ctx.db.kysely, first, today);
  for (const day of days) {
    if (!settings.dayTypes.includes(day.dayType)) continue;
    const calledAt = new Date(zonedInstant(day.date, window.start, ctx.config.timeZone).getTime() + 25 * 60_000);
    if (calledAt.getTime() > now.getTime()) continue;
    const sheet = await answerSheet(ctx, ctx.db.kysely, day.date);
    await ctx.db.kysely
      .insertInto('roll_call_records')
      .values({
        id: newId(),
        date: day.date,
        called_at: toDbInstant(calledAt),
        caller: '省司法厅指挥中心值班长',
        answered_by: sheet.officers[0]?.name ?? ids.officerName,
        items_json: toDbJson(sheet.items.slice(0, 7).map((item) => ({ question: item.question, answer: item.answer }))),
        remarks: '通讯联通，信号正常、视频清晰，点名顺利完成',
        recorded_by: ids.officerUserId,
        created_at: toDbInstant(calledAt),
      })
      .execute();
  }
}
