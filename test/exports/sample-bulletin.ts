import type { OfficialDocumentSpec } from '../../src/server/exports/official-document.js';

// A 《司法要情》 issue long enough for two pages, with every part of the layout.
const paragraphs = [
  '12月3日，全市司法行政系统总体平稳有序。各区司法局、局属各单位均按时报送当日要情信息，其中有要情信息报送的单位6个，无事报平安的单位9个，未发生迟报、漏报情况。局指挥中心对报送信息逐条审核，采用要情信息8条。',
  '市强制隔离戒毒所所内秩序稳定，在所戒毒人员412名，当日新收治8名、解除戒毒6名，所外就医1名，未发生脱逃、自伤自残等安全事件。所安防监控平台运行正常，值班长对重点区域进行了视频巡查，未发现异常情况。',
  '全市在册社区矫正对象1873名，当日新接收14名、解除矫正11名。社区矫正信息化监管平台共发出越界预警3次，经核实均为对象按规定请假外出，相关司法所已按程序完成核查并登记备案。',
  '12月3日晚，龙华区某小区发生邻里纠纷，双方因装修噪音问题发生争执。辖区司法所人民调解员接到派出所移交后，会同社区网格员于当晚赶赴现场开展调解，双方当场达成和解协议，未引发群体性事件。',
  '市公共法律服务中心当日接待群众来访咨询86人次，12348热线接听来电213个，办理法律援助案件指派22件，其中农民工讨薪案件9件。中心针对岁末年初欠薪问题，设立农民工法律援助绿色通道，做到当日受理、当日指派。',
  '当日局指挥中心共接收各类文电11件，其中明传电报4件、电子公文7件，均已即收即登，按程序报值班长审批后转有关处室办理，签收人员和签收时间登记完整，无延误情况。',
  '当晚23时至次日凌晨5时，值班员按照不少于20%的比例对各区司法局指挥室、戒毒所和社区矫正中心进行不定时视频夜查，共抽查12个点位，发现1个点位值班人员未在岗，已当场电话提醒并通知所在单位书面说明情况，限期整改。',
];

/** Body paragraphs of the sample, for checking that the rendered PDF lost no text. */
export const sampleParagraphs = paragraphs;

export const sampleBulletin: OfficialDocumentSpec = {
  header: {
    title: '司法要情',
    issueNumber: '第238期',
    organ: '海口市司法局指挥中心编',
    date: '2026-12-04',
  },
  title: '全市司法行政系统12月3日要情信息汇总',
  blocks: [
    { kind: 'heading1', text: '总体情况' },
    { kind: 'paragraph', text: paragraphs[0] ?? '' },
    { kind: 'heading1', text: '重点场所安全稳定情况' },
    { kind: 'heading2', text: '强制隔离戒毒所' },
    { kind: 'paragraph', text: paragraphs[1] ?? '' },
    { kind: 'heading2', text: '社区矫正' },
    { kind: 'paragraph', text: paragraphs[2] ?? '' },
    { kind: 'heading1', text: '案事件及处置情况' },
    { kind: 'paragraph', text: `${paragraphs[3] ?? ''}\n${paragraphs[4] ?? ''}` },
    { kind: 'heading1', text: '文电办理和夜查情况' },
    { kind: 'paragraph', text: paragraphs[5] ?? '' },
    { kind: 'paragraph', text: paragraphs[6] ?? '' },
    { kind: 'heading1', text: '当日值班人员' },
    {
      kind: 'table',
      columns: ['职务', '姓名', '单位', '联系电话'],
      columnWidths: [2, 2, 4, 3],
      rows: [
        ['值班指挥长', '王建国', '市司法局', '0898-66000001'],
        ['值班长', '李明', '市司法局指挥中心', '0898-66000002'],
        ['值班员', '陈晓红', '市司法局办公室', '0898-66000003'],
      ],
    },
    { kind: 'heading1', text: '下一步工作' },
    {
      kind: 'paragraph',
      text: '一是继续严格落实24小时值班和领导带班制度，确保信息报送及时准确；二是加强对戒毒场所、社区矫正对象的动态监管，落实夜查和视频巡查措施；三是做好元旦前矛盾纠纷排查化解工作，对苗头性信息当日核实、滚动续报。',
    },
  ],
  attachments: ['12月3日要情信息采用情况统计表', '12月3日夜查情况登记表'],
  signature: { organ: '海口市司法局指挥中心', date: '2026-12-04' },
  footer: {
    copyTo: ['省司法厅指挥中心', '市委政法委'],
    printedBy: '海口市司法局指挥中心',
    printedDate: '2026-12-04',
  },
};
