import { Button, Space } from 'antd';
import { useSearchParams } from 'react-router';
import { ErrorState, LoadingState } from '../../components/states';
import { useRosterSheet, type RosterSheetPerson } from './roster-outputs-api';
import { formatDateTime } from '../../app/time';

/** A4 landscape with 12 mm margins; the buttons do not print. */
const printCss = `
@page { size: A4 landscape; margin: 12mm; }
.roster-print { font-family: "FangSong", "仿宋_GB2312", "Noto Serif CJK SC", serif; color: #000; background: #fff; padding: 16px; }
.roster-print h1 { font-family: "方正小标宋简体", "Noto Serif CJK SC", serif; font-size: 22pt; text-align: center; margin: 0 0 12px; font-weight: normal; }
.roster-print table { width: 100%; border-collapse: collapse; font-size: 11pt; }
.roster-print th, .roster-print td { border: 1px solid #000; padding: 3px 6px; text-align: center; }
.roster-print th { font-family: "SimHei", "黑体", sans-serif; background: #e8ecf4; }
.roster-print tr.rest td { background: #f2f2f2; }
.roster-print thead { display: table-header-group; }
.roster-print tr { page-break-inside: avoid; }
.roster-print .footer { text-align: right; margin-top: 8px; font-size: 10pt; }
@media print {
  .no-print { display: none !important; }
  .roster-print { padding: 0; }
  .roster-print th, .roster-print tr.rest td { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

function names(people: (RosterSheetPerson | null)[]): string {
  return people.filter((person) => person !== null).map((person) => person.name).join('、');
}

function phones(people: (RosterSheetPerson | null)[]): string {
  return people.filter((person) => person?.phone).map((person) => person!.phone).join('、');
}

/** 值班表打印: the month's final roster laid out like the Excel export, with print CSS for A4 landscape. */
export default function RosterPrintPage() {
  const [params] = useSearchParams();
  const month = params.get('month') ?? '';
  const withPhones = params.get('withPhones') === 'true';
  const sheet = useRosterSheet(month, withPhones);

  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) return <ErrorState error={new Error('地址中缺少月份')} title="请从值班表页面点击“打印”进入" />;
  if (sheet.isLoading) return <LoadingState />;
  if (sheet.error) return <ErrorState error={sheet.error} onRetry={() => void sheet.refetch()} />;
  const data = sheet.data!.sheet;

  return (
    <div className="roster-print">
      <style>{printCss}</style>
      <Space className="no-print" style={{ marginBottom: 12 }}>
        <Button type="primary" onClick={() => window.print()}>打印</Button>
        <Button onClick={() => window.close()}>关闭</Button>
      </Space>
      <h1>{data.status === 'draft' ? `${data.title}（草稿）` : data.title}</h1>
      <table>
        <thead>
          <tr>
            <th>日期</th>
            <th>星期</th>
            <th>日类型</th>
            <th>值班等级</th>
            <th>值班指挥长</th>
            <th>值班长</th>
            <th>值班员</th>
            {data.withPhones ? <><th>值班指挥长电话</th><th>值班长电话</th><th>值班员电话</th></> : null}
          </tr>
        </thead>
        <tbody>
          {data.rows.map((row) => (
            <tr key={row.date} className={row.dayType === 'workday' || row.dayType === 'makeup_workday' ? undefined : 'rest'}>
              <td>{row.dateLabel}</td>
              <td>{row.weekdayLabel}</td>
              <td>{row.dayTypeLabel}</td>
              <td>{row.dutyLevelLabel}</td>
              <td>{names([row.commander])}</td>
              <td>{names([row.shiftLeader])}</td>
              <td>{names(row.officers)}</td>
              {data.withPhones ? <><td>{phones([row.commander])}</td><td>{phones([row.shiftLeader])}</td><td>{phones(row.officers)}</td></> : null}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="footer">制表：{data.centerName}　　打印时间：{formatDateTime(data.generatedAt)}</div>
    </div>
  );
}
