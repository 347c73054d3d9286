/** 值班报告打印: the report on A4 with the official document margins; the buttons do not print. */
import { Button, Space } from 'antd';
import { useDutyReport } from '../../api/duty-report';
import { ErrorState, LoadingState } from '../../components/states';
import { useDutyDateParam } from './DutyDatePicker';

/** Margins of GB/T 9704: top 37 mm, bottom 35 mm, left 28 mm, right 26 mm. */
const printCss = `
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
.duty-report-print { font-family: "仿宋_GB2312", "FangSong", "Noto Serif CJK SC", serif; font-size: 16pt; line-height: 28.95pt; color: #000; background: #fff; max-width: 156mm; margin: 0 auto; padding: 16px 0; }
.duty-report-print h1 { font-family: "方正小标宋简体", "Noto Serif CJK SC", serif; font-size: 22pt; font-weight: normal; text-align: center; margin: 0 0 8px; }
.duty-report-print .subtitle { font-family: "楷体_GB2312", "KaiTi", serif; text-align: center; margin-bottom: 16px; }
.duty-report-print h2 { font-family: "黑体", "SimHei", "Noto Sans CJK SC", sans-serif; font-size: 16pt; font-weight: normal; margin: 0; }
.duty-report-print p { text-indent: 2em; margin: 0; white-space: pre-wrap; }
.duty-report-print table { width: 100%; border-collapse: collapse; margin-bottom: 8px; font-size: 14pt; }
.duty-report-print th, .duty-report-print td { border: 1px solid #000; padding: 2px 8px; }
.duty-report-print .signature { text-align: right; margin-top: 24px; }
@media print {
  .no-print { display: none !important; }
  .duty-report-print { padding: 0; max-width: none; }
}
`;

export default function DutyReportPrintPage() {
  const [date] = useDutyDateParam();
  const report = useDutyReport(date);
  if (report.isLoading) return <LoadingState />;
  if (report.error) return <ErrorState error={report.error} onRetry={() => void report.refetch()} />;
  const data = report.data!;
  const [year, month, day] = date.split('-').map(Number);

  return (
    <div className="duty-report-print">
      <style>{printCss}</style>
      <Space className="no-print" style={{ marginBottom: 12 }}>
        <Button type="primary" onClick={() => window.print()}>打印</Button>
        <Button onClick={() => window.history.back()}>返回</Button>
      </Space>
      <h1>值班报告</h1>
      <div className="subtitle">（{year}年{month}月{day}日08:30至次日08:30）</div>
      <table>
        <tbody>
          {data.staffRows.map((row) => (
            <tr key={row[0]}>
              <th style={{ width: '30%' }}>{row[0]}</th>
              <td>{row[1]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {data.sections.map((section, index) => (
        <section key={section.key}>
          <h2>{'一二三四五六七八九十'[index]}、{section.heading}</h2>
          {section.text.split('\n').map((line, lineIndex) => <p key={lineIndex}>{line}</p>)}
        </section>
      ))}
      <div className="signature">值班长（签字）：{data.signedBy ?? '＿＿＿＿'}</div>
      <div className="signature" style={{ marginTop: 0 }}>{year}年{month}月{day}日</div>
    </div>
  );
}
