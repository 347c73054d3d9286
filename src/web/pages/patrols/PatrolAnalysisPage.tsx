import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, DatePicker, Row, Statistic, Table } from 'antd';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useMonthlyAnalysis } from '../../api/patrols';
import { apiDownload } from '../../app/api-client';
import { useShowError } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { centerToday } from './patrol-time';

echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, CanvasRenderer]);

function barOption(labels: string[], values: number[], horizontal = false) {
  const category = { type: 'category' as const, data: labels, axisLabel: { interval: 0 } };
  const value = { type: 'value' as const, minInterval: 1 };
  return {
    animation: false,
    tooltip: { trigger: 'axis' },
    grid: { left: horizontal ? 150 : 40, right: 20, top: 20, bottom: 30 },
    xAxis: horizontal ? value : category,
    yAxis: horizontal ? category : value,
    series: [{ type: 'bar', data: values, itemStyle: { color: '#1677ff' } }],
  };
}

/** 月度分析: problems by unit, kind and week, repeats, time to rectify and night-check coverage, with the Word report. */
export default function PatrolAnalysisPage() {
  const [month, setMonth] = useState(centerToday().slice(0, 7));
  const analysisQuery = useMonthlyAnalysis(month);
  const showError = useShowError();
  const analysis = analysisQuery.data;

  async function handleExport() {
    try {
      await apiDownload(`/api/patrols/analysis/export?month=${month}`, `${month}视频巡查和夜查情况报告.docx`);
    } catch (error) {
      showError(error);
    }
  }

  return (
    <>
      <PageHeader
        title="巡查问题月度分析"
        description="每月对视频巡查、夜查收集到的问题清单进行综合分析，形成情况报告报局领导。"
        extra={
          <>
            <DatePicker picker="month" allowClear={false} value={dayjs(`${month}-01`)} onChange={(value) => value && setMonth(value.format('YYYY-MM'))} />
            <Button icon={<DownloadOutlined />} onClick={() => void handleExport()}>导出Word报告</Button>
          </>
        }
      />
      {analysisQuery.isLoading ? <LoadingState /> : null}
      {analysisQuery.isError ? <ErrorState error={analysisQuery.error} onRetry={() => void analysisQuery.refetch()} /> : null}
      {analysis ? (
        <>
          <Row gutter={16} style={{ marginBottom: 16 }}>
            <Col xs={12} md={4}><Card><Statistic title="视频巡查" value={analysis.patrols} suffix="次" /></Card></Col>
            <Col xs={12} md={4}><Card><Statistic title="发现问题" value={analysis.problems} suffix="个" /></Card></Col>
            <Col xs={12} md={4}><Card><Statistic title="已销号" value={analysis.closed} suffix="个" /></Card></Col>
            <Col xs={12} md={4}><Card><Statistic title="逾期未整改" value={analysis.overdue} suffix="个" styles={{ content: { color: analysis.overdue > 0 ? '#cf1322' : undefined } }} /></Card></Col>
            <Col xs={12} md={4}><Card><Statistic title="平均整改用时" value={analysis.rectification.meanHoursToReport ?? '—'} suffix="小时" /></Card></Col>
            <Col xs={12} md={4}><Card><Statistic title="夜查达标" value={`${analysis.nightChecks.nightsMeetingRule}/${analysis.nightChecks.nights}`} suffix="夜" /></Card></Col>
          </Row>
          {analysis.problems === 0 ? <Card><EmptyState description="本月没有发现问题" /></Card> : null}
          <Row gutter={16}>
            <Col xs={24} lg={12}>
              <Card title="按问题类型" size="small" style={{ marginBottom: 16 }}>
                <ReactEChartsCore echarts={echarts} option={barOption(analysis.byKind.map((row) => row.label), analysis.byKind.map((row) => row.count))} style={{ height: 260 }} notMerge />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card title="按周" size="small" style={{ marginBottom: 16 }}>
                <ReactEChartsCore echarts={echarts} option={barOption(analysis.byWeek.map((row) => row.label), analysis.byWeek.map((row) => row.count))} style={{ height: 260 }} notMerge />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card title="按单位" size="small" style={{ marginBottom: 16 }}>
                <ReactEChartsCore echarts={echarts} option={barOption(analysis.byUnit.map((row) => row.label).reverse(), analysis.byUnit.map((row) => row.count).reverse(), true)} style={{ height: Math.max(200, analysis.byUnit.length * 28) }} notMerge />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card title="重复发生的问题" size="small" style={{ marginBottom: 16 }}>
                <Table
                  rowKey={(row) => `${row.unitName}-${row.siteName}-${row.kindLabel}`}
                  size="small"
                  pagination={false}
                  dataSource={analysis.repeats}
                  locale={{ emptyText: <EmptyState description="本月没有重复发生的同类问题" /> }}
                  columns={[
                    { title: '单位', dataIndex: 'unitName' },
                    { title: '点位', dataIndex: 'siteName', render: (value: string | null) => value ?? '—' },
                    { title: '问题类型', dataIndex: 'kindLabel' },
                    { title: '次数', dataIndex: 'count', width: 60 },
                  ]}
                />
                <p style={{ marginTop: 12 }}>
                  整改报告{analysis.rectification.reported}份，按期{analysis.rectification.onTime}份；发现到销号平均{analysis.rectification.meanHoursToClose ?? '—'}小时。夜查应查{analysis.nightChecks.requiredChecks}点次，时段内实查{analysis.nightChecks.checkedSites}点次。
                </p>
              </Card>
            </Col>
          </Row>
        </>
      ) : null}
    </>
  );
}
