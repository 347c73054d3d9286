/** The Haikou demo patrol sites: duty rooms, 司法所, correction centers and the key areas of the rehabilitation and minors' centers. */
import type { CheckMethod, SiteKind } from '../../domain/patrols/index.js';

export interface DemoSite {
  name: string;
  /** Unit key of src/server/seed/haikou.ts. */
  unit: string;
  kind: SiteKind;
  checkMethod: CheckMethod;
}

const districtTowns: Record<string, { label: string; towns: string[] }> = {
  xiuying: { label: '秀英区', towns: ['秀英街道', '海秀镇', '长流镇', '石山镇'] },
  longhua: { label: '龙华区', towns: ['城西镇', '新坡镇', '遵谭镇', '龙泉镇'] },
  qiongshan: { label: '琼山区', towns: ['府城街道', '国兴街道', '云龙镇', '红旗镇'] },
  meilan: { label: '美兰区', towns: ['海甸街道', '白龙街道', '演丰镇', '灵山镇'] },
};

function districtSites(): DemoSite[] {
  return Object.entries(districtTowns).flatMap(([unit, { label, towns }]) => [
    { name: `${label}司法局指挥室`, unit, kind: 'command_room' as const, checkMethod: 'video' as const },
    { name: `${label}社区矫正中心`, unit, kind: 'correction_site' as const, checkMethod: 'video' as const },
    ...towns.map((town) => ({ name: `${label}${town}司法所值班室`, unit, kind: 'command_room' as const, checkMethod: 'phone' as const })),
  ]);
}

export const demoSites: DemoSite[] = [
  { name: '办公室值班室', unit: 'office', kind: 'command_room', checkMethod: 'phone' },
  { name: '社区矫正科指挥室', unit: 'correction', kind: 'command_room', checkMethod: 'video' },
  ...districtSites(),
  { name: '戒毒所指挥室', unit: 'luoniushan', kind: 'command_room', checkMethod: 'video' },
  { name: '戒毒所大门', unit: 'luoniushan', kind: 'gate', checkMethod: 'video' },
  { name: '戒毒所习艺劳动车间一', unit: 'luoniushan', kind: 'workshop', checkMethod: 'video' },
  { name: '戒毒所习艺劳动车间二', unit: 'luoniushan', kind: 'workshop', checkMethod: 'video' },
  { name: '戒毒所戒毒人员宿舍区一大队', unit: 'luoniushan', kind: 'rehab_key_area', checkMethod: 'video' },
  { name: '戒毒所戒毒人员宿舍区二大队', unit: 'luoniushan', kind: 'rehab_key_area', checkMethod: 'video' },
  { name: '戒毒所医疗康复区', unit: 'luoniushan', kind: 'rehab_key_area', checkMethod: 'video' },
  { name: '戒毒所教育矫治区', unit: 'luoniushan', kind: 'rehab_key_area', checkMethod: 'video' },
  { name: '戒毒所探访接待区', unit: 'luoniushan', kind: 'rehab_key_area', checkMethod: 'video' },
  { name: '戒毒所监控中心', unit: 'luoniushan', kind: 'rehab_key_area', checkMethod: 'video' },
  { name: '未成年人中心值班室', unit: 'minors', kind: 'minors_center', checkMethod: 'video' },
  { name: '未成年人中心大门', unit: 'minors', kind: 'gate', checkMethod: 'video' },
  { name: '未成年人中心教学区', unit: 'minors', kind: 'minors_center', checkMethod: 'video' },
  { name: '未成年人中心学员宿舍区', unit: 'minors', kind: 'minors_center', checkMethod: 'video' },
  { name: '法律援助中心值班室', unit: 'legal-aid', kind: 'command_room', checkMethod: 'phone' },
];
