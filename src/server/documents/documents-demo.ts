/**
 * Demo month of the documents register: every kind, signed and archived
 * documents, one 特急 fax still waiting for a district's signature with
 * reminders sent, phone records and a few phone-number disclosures.
 */
import type { DocumentKind, Urgency } from '../../domain/documents/index.js';
import { addDays, zonedInstant, zonedParts } from '../../domain/time.js';
import type { AppContext } from '../context.js';
import type { Clock } from '../clock.js';
import { discloseNumber } from '../directory/directory.service.js';
import { createPhoneRecord, updatePhoneRecord } from '../phone-records/phone-records.service.js';
import type { DemoSeeder, DemoSeedContext } from '../seed/demo-registry.js';
import { addOpinion, closeDocument, reportDocument, signTransfer, transferDocument } from './documents.handling.js';
import { sendDueReminders } from './documents.reminders.js';
import { registerDocument, type Operator } from './documents.service.js';

interface DemoDocument {
  daysAgo: number;
  time: string;
  kind: Exclude<DocumentKind, 'phone_record'>;
  sender: string;
  reference: string;
  urgency: Urgency;
  title: string;
  /** Unit keys the document goes to; each signs unless `pending`. */
  units: string[];
  closure: 'archived' | 'destroyed' | null;
}

const demoDocuments: DemoDocument[] = [
  { daysAgo: 29, time: '09:10', kind: 'electronic', sender: '海南省司法厅', reference: '琼司发〔2026〕31号', urgency: 'normal', title: '关于做好春季安全生产工作的通知', units: ['office'], closure: 'archived' },
  { daysAgo: 27, time: '15:20', kind: 'plain_fax', sender: '海口市人民政府办公室', reference: '海府办传〔2026〕8号', urgency: 'urgent', title: '关于加强汛期值班值守工作的紧急通知', units: ['xiuying', 'longhua', 'qiongshan', 'meilan'], closure: 'archived' },
  { daysAgo: 25, time: '10:05', kind: 'classified_fax', sender: '海南省司法厅', reference: '琼司密传〔2026〕3号', urgency: 'urgent', title: '（密传，按元数据登记）', units: ['office'], closure: 'destroyed' },
  { daysAgo: 22, time: '08:50', kind: 'electronic', sender: '海南省司法厅指挥中心', reference: '琼司指〔2026〕12号', urgency: 'normal', title: '关于报送一季度值班工作情况的通知', units: ['office'], closure: 'archived' },
  { daysAgo: 19, time: '16:40', kind: 'plain_fax', sender: '海口市委政法委', reference: '海政法传〔2026〕21号', urgency: 'extra_urgent', title: '关于重要节点期间矛盾纠纷排查化解的通知', units: ['xiuying', 'longhua', 'correction'], closure: 'archived' },
  { daysAgo: 15, time: '11:30', kind: 'electronic', sender: '海南省司法厅', reference: '琼司通〔2026〕40号', urgency: 'normal', title: '关于开展社区矫正对象专项排查的通知', units: ['correction'], closure: null },
  { daysAgo: 12, time: '09:45', kind: 'plain_fax', sender: '海口市应急管理局', reference: '海应急传〔2026〕17号', urgency: 'urgent', title: '关于防范强对流天气的预警通知', units: ['luoniushan', 'minors', 'legal-aid'], closure: null },
  { daysAgo: 8, time: '14:15', kind: 'electronic', sender: '海南省司法厅', reference: '琼司办〔2026〕55号', urgency: 'normal', title: '关于印发值班工作规范的通知', units: [], closure: 'archived' },
  { daysAgo: 5, time: '10:20', kind: 'classified_fax', sender: '海口市委办公厅', reference: '海委密传〔2026〕9号', urgency: 'extra_urgent', title: '（密传，按元数据登记）', units: [], closure: null },
  { daysAgo: 2, time: '17:05', kind: 'electronic', sender: '海南省司法厅', reference: '琼司函〔2026〕61号', urgency: 'normal', title: '关于征求普法工作意见的函', units: ['legal-education'], closure: null },
];

/** Returns a clock fixed at one instant, so the services stamp the demo times. */
function fixedClock(instant: Date): Clock {
  return { now: () => new Date(instant) };
}

async function demoOperator(ctx: AppContext, username: string): Promise<Operator & { unitId: string }> {
  const user = await ctx.db.kysely.selectFrom('users').select(['id', 'name', 'unit_id']).where('username', '=', username).executeTakeFirstOrThrow();
  return { actor: { userId: user.id, name: user.name, unitId: user.unit_id, ip: null }, userId: user.id, name: user.name, unitId: user.unit_id };
}

/** Returns the account that signs for a unit: its liaison, or the duty staff who belong to it. */
async function signerOf(ctx: AppContext, unitId: string): Promise<Operator | null> {
  const user = await ctx.db.kysely.selectFrom('users').select(['id', 'name', 'unit_id']).where('unit_id', '=', unitId).where('username', 'not in', ['admin', 'security', 'auditor', 'hall']).executeTakeFirst();
  if (!user) return null;
  return { actor: { userId: user.id, name: user.name, unitId: user.unit_id, ip: null }, userId: user.id, name: user.name, unitId: user.unit_id };
}

/** One registration of the demo month; jobs run in order of receipt so serial numbers follow the calendar. */
interface SeedJob {
  receivedAt: Date;
  run: () => Promise<void>;
}

function documentJobs(ctx: AppContext, seed: DemoSeedContext, officer: Operator, today: string): SeedJob[] {
  return demoDocuments.map((item) => {
    const received = zonedInstant(addDays(today, -item.daysAgo), item.time, ctx.config.timeZone);
    return { receivedAt: received, run: () => seedDocument(ctx, seed, officer, item, received) };
  });
}

async function seedDocument(ctx: AppContext, seed: DemoSeedContext, officer: Operator, item: DemoDocument, received: Date): Promise<void> {
  const step = (minutes: number) => ({ ...ctx, clock: fixedClock(new Date(received.getTime() + minutes * 60_000)) });
  const document = await registerDocument(step(3), officer, {
    kind: item.kind,
    receivedAt: received.toISOString(),
    senderUnit: item.sender,
    referenceNumber: item.reference,
    urgency: item.urgency,
    title: item.title,
    copies: item.kind === 'classified_fax' ? 1 : 2,
    attachmentTitles: item.kind === 'classified_fax' ? [] : ['附件：工作安排表'],
    content: item.kind === 'classified_fax' ? null : `${item.title}，请按要求办理。`,
  });
  await reportDocument(step(8), officer, document.id, { reportedToName: '黄志强' });
  await addOpinion(step(15), officer, document.id, { kind: 'proposal', authorName: '黄志强', text: item.units.length > 0 ? '拟请相关单位阅办。' : '阅存。' });
  const unitIds = item.units.map((key) => seed.unitIdByKey.get(key)).filter((id): id is string => id !== undefined);
  if (unitIds.length > 0) {
    const transferred = await transferDocument(step(25), officer, document.id, { unitIds });
    for (const [index, transfer] of transferred.transfers.entries()) {
      const signer = await signerOf(ctx, transfer.unitId);
      if (signer) await signTransfer(step(60 + index * 20), signer, document.id, transfer.id);
    }
  }
  if (item.closure) await closeDocument(step(24 * 60), officer, document.id, item.closure, item.closure === 'destroyed' ? '废弃涉密纸质件统一存放保密袋销毁' : '转办公室保密员存档');
}

/** Today's 特急 fax that 秀英区 has not signed for, with reminders already sent. */
async function seedPending(ctx: AppContext, seed: DemoSeedContext, officer: Operator, now: Date): Promise<void> {
  const received = new Date(now.getTime() - 95 * 60_000);
  const step = (minutes: number) => ({ ...ctx, clock: fixedClock(new Date(received.getTime() + minutes * 60_000)) });
  const document = await registerDocument(step(2), officer, {
    kind: 'plain_fax',
    receivedAt: received.toISOString(),
    senderUnit: '海南省司法厅指挥中心',
    referenceNumber: `琼司指传〔${zonedParts(now, ctx.config.timeZone).year}〕66号`,
    urgency: 'extra_urgent',
    title: '关于立即开展重点人员稳控排查的紧急通知',
    copies: 1,
    attachmentTitles: ['重点人员排查表'],
    content: '请各区司法局于当日18:00前报送排查情况。',
  });
  await reportDocument(step(5), officer, document.id, { reportedToName: '黄志强' });
  await addOpinion(step(8), officer, document.id, { kind: 'instruction', authorName: '陈海峰', text: '请各区立即部署，按时报送。' });
  const unitIds = ['xiuying', 'longhua'].map((key) => seed.unitIdByKey.get(key)!).filter(Boolean);
  const transferred = await transferDocument(step(10), officer, document.id, { unitIds });
  const longhua = transferred.transfers.find((transfer) => transfer.unitId === seed.unitIdByKey.get('longhua'));
  const longhuaSigner = longhua ? await signerOf(ctx, longhua.unitId) : null;
  if (longhua && longhuaSigner) await signTransfer(step(25), longhuaSigner, document.id, longhua.id);
  // 特急 is reminded every 30 minutes by default: two reminders by now.
  await sendDueReminders(step(41));
  await sendDueReminders(step(72));
}

function phoneRecordJobs(ctx: AppContext, seed: DemoSeedContext, officer: Operator, today: string): SeedJob[] {
  const at = (daysAgo: number, time: string) => zonedInstant(addDays(today, -daysAgo), time, ctx.config.timeZone);
  const calls: (DemoCall & { daysAgo: number; time: string })[] = [
    { daysAgo: 20, time: '21:15', callerUnit: '龙华区司法局', callerName: '王家明', callerPosition: '信息员', callerPhone: '13907561001', content: '报告辖区一起邻里纠纷已由人民调解委员会调解成功。', majorIncident: false },
    { daysAgo: 10, time: '02:40', callerUnit: '海口市罗牛山强制隔离戒毒所', callerName: '符丽珍', callerPosition: '信息员', callerPhone: '13907561002', content: '凌晨02:20所内一名戒毒人员突发疾病，已送市人民医院抢救，所领导已赶赴医院，家属已通知。', majorIncident: true },
    { daysAgo: 3, time: '10:05', callerUnit: null, callerName: '李女士', callerPosition: null, callerPhone: null, content: '来电询问法律援助申请流程，已告知到市法律援助中心窗口办理。', majorIncident: false },
  ];
  return calls.map((call) => ({ receivedAt: at(call.daysAgo, call.time), run: () => seedPhoneRecord(ctx, seed, officer, call, at(call.daysAgo, call.time)) }));
}

interface DemoCall {
  callerUnit: string | null;
  callerName: string;
  callerPosition: string | null;
  callerPhone: string | null;
  content: string;
  majorIncident: boolean;
}

async function seedPhoneRecord(ctx: AppContext, seed: DemoSeedContext, officer: Operator, call: DemoCall, calledAt: Date): Promise<void> {
  const clockAt = (minutes: number) => ({ ...ctx, clock: fixedClock(new Date(calledAt.getTime() + minutes * 60_000)) });
  const record = await createPhoneRecord(clockAt(5), officer, {
    calledAt: calledAt.toISOString(),
    callerUnit: call.callerUnit,
    callerUnitId: call.callerUnit === '海口市罗牛山强制隔离戒毒所' ? seed.unitIdByKey.get('luoniushan') ?? null : null,
    callerName: call.callerName,
    callerPosition: call.callerPosition,
    callerPhone: call.callerPhone,
    content: call.content,
    majorIncident: call.majorIncident,
    ...(call.majorIncident ? { handlingOpinion: '立即报告值班长和值班指挥长，通知戒毒管理科跟进。', handlingResult: '已报告值班长黄志强、值班指挥长陈海峰。', handlerName: officer.name } : {}),
  });
  if (!call.majorIncident) {
    await updatePhoneRecord(clockAt(20), officer, record.id, { handlingOpinion: '记录备查。', handlingResult: '已答复来电人。', handlerName: officer.name });
  }
}

async function seedDisclosures(ctx: AppContext, seed: DemoSeedContext, officer: Operator, today: string): Promise<void> {
  const at = (daysAgo: number, time: string) => ({ ...ctx, clock: fixedClock(zonedInstant(addDays(today, -daysAgo), time, ctx.config.timeZone)) });
  const meilan = seed.unitIdByKey.get('meilan');
  const legalAid = seed.unitIdByKey.get('legal-aid');
  if (meilan) {
    await discloseNumber(at(14, '10:30'), officer, { entryType: 'unit', entryId: meilan, phoneField: 'duty_room', requesterName: '陈警官', requesterUnit: '海口市公安局美兰分局', verification: 'callback', reason: '联合处置一起信访事件，需联系美兰区司法局值班室' });
  }
  if (legalAid) {
    await discloseNumber(at(6, '15:10'), officer, { entryType: 'unit', entryId: legalAid, phoneField: 'duty_room', requesterName: '林法官', requesterUnit: '海口市中级人民法院', verification: 'work_id', reason: '协调指派法律援助律师' });
  }
}

export const documentsDemoSeeder: DemoSeeder = {
  name: 'documents',
  async run(ctx, seed) {
    const existing = await ctx.db.kysely.selectFrom('documents').select('id').limit(1).executeTakeFirst();
    if (existing) return;
    const now = ctx.clock.now();
    const today = zonedParts(now, ctx.config.timeZone).date;
    const officer = await demoOperator(ctx, 'officer');
    const jobs = [...documentJobs(ctx, seed, officer, today), ...phoneRecordJobs(ctx, seed, officer, today)].sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime());
    for (const job of jobs) await job.run();
    await seedDisclosures(ctx, seed, officer, today);
    await seedPending(ctx, seed, officer, now);
  },
};
