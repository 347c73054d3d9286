/** Monthly adoption statistics (采用情况) with the ranking, late and missing counts, and the 《工作通报》 export. */
import { Button, Card, DatePicker, Space, Table } from 'antd';
import dayjs from 'dayjs';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useState } from 'react';
import { useMonthlyStatistics } from '../../api/reports';
import { apiDownload } from '../../app/api-client';
import { useShowError } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, LoadingState } from '../../components/states';
import { centerMonth } from '../../app/time';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export default function MonthlyStatsPage() {
  const [month, setMonth] = useState(centerMonth);
  const stats = useMonthlyStatistics(month);
  const showError = useShowError();

  const units = stats.data?.units ?? [];
  const option = {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 40, right: 20, top: 36, bottom: 90 },
    xAxis: { type: 'category', data: units.map((unit) => unit.unitName), axisLabel: { rotate: 40, interval: 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: '报送', type: 'bar', data: units.map((unit) => unit.submitted), itemStyle: { color: '#91caff' } },
      { name: '采用', type: 'bar', data: units.map((unit) => unit.adopted), itemStyle: { color: '#1677ff' } },
      { name: '迟报', type: 'bar', data: units.map((unit) => unit.late), itemStyle: { color: '#fa8c16' } },
      { name: '漏报', type: 'bar', data: units.map((unit) => unit.missing), itemStyle: { color: '#f5222d' } },
    ],
  };

  async function handleExport() {
    try {
      await apiDownload(`/api/report-stats/monthly/export.docx?month=${month}`, `工作通报（${month}）.docx`);
    } catch (error) {
      showError(error);
    }
  }

  return (
    <div>
      <PageHeader
        title="采用情况统计"
        description="各单位要情信息报送、采用和迟报漏报情况，用于《工作通报》。"
        extra={
          <Space>
            <DatePicker picker="month" allowClear={false} value={dayjs(`${month}-01`)} onChange={(value) => value && setMonth(value.format('YYYY-MM'))} />
            <Button onClick={() => void handleExport()}>导出《工作通报》</Button>
          </Space>
        }
      />
      {stats.isLoading ? (
        <LoadingState />
      ) : stats.isError || !stats.data ? (
        <ErrorState error={stats.error} onRetry={() => void stats.refetch()} />
      ) : (
        <>
          <Card size="small" style={{ marginBottom: 16 }} title={`本月合计：报送 ${stats.data.totals.submitted} 条，采用 ${stats.data.totals.adopted} 条，迟报 ${stats.data.totals.late} 次，漏报 ${stats.data.totals.missing} 次`}>
            <ReactEChartsCore echarts={echarts} option={option} style={{ height: 360 }} notMerge />
          </Card>
          <Table
            rowKey="unitId"
            size="small"
            pagination={false}
            dataSource={units}
            columns={[
              { title: '名次', dataIndex: 'rank', width: 70 },
              { title: '单位', dataIndex: 'unitName' },
              { title: '报送', dataIndex: 'submitted', width: 80 },
              { title: '采用', dataIndex: 'adopted', width: 80 },
              { title: '采用率', dataIndex: 'adoptionRate', width: 90, render: (rate: number) => `${(rate * 100).toFixed(1)}%` },
              { title: '迟报', dataIndex: 'late', width: 80 },
              { title: '漏报', dataIndex: 'missing', width: 80 },
            ]}
          />
        </>
      )}
    </div>
  );
}
