/** The hall screen's chart of the last seven days: incidents and units that missed or were late with their daily report. */
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import type { WeekSectionData } from '../../api/hall';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** `scale` is the hall screen's scale (1 at 1920×1080), applied to the chart's font sizes. */
export function WeekChart({ data, scale }: { data: WeekSectionData; scale: number }) {
  const font = (px: number) => Math.round(px * scale);
  const labels = data.days.map((day) => day.date.slice(5));
  const option = {
    backgroundColor: 'transparent',
    textStyle: { color: '#d6e4ff', fontSize: font(16) },
    legend: { top: 0, itemHeight: font(12), textStyle: { color: '#d6e4ff', fontSize: font(16) } },
    tooltip: { trigger: 'axis' },
    // containLabel keeps the axis labels inside the chart box whatever its height.
    grid: { left: 8, right: 16, top: font(32), bottom: 4, containLabel: true },
    xAxis: { type: 'category', data: labels, axisLabel: { color: '#d6e4ff', fontSize: font(15), interval: 0 } },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { color: '#d6e4ff', fontSize: font(15) }, splitLine: { lineStyle: { color: '#1d3557' } } },
    series: [
      { name: '突发案事件', type: 'bar', data: data.days.map((day) => day.incidents), itemStyle: { color: '#4096ff' } },
      { name: '其中重大以上', type: 'bar', data: data.days.map((day) => day.majorIncidents), itemStyle: { color: '#ff4d4f' } },
      { name: '未报单位', type: 'line', data: data.days.map((day) => day.reportsMissing), itemStyle: { color: '#ffc53d' } },
      { name: '迟报单位', type: 'line', data: data.days.map((day) => day.reportsLate), itemStyle: { color: '#ff9c6e' } },
    ],
  };
  return <ReactEChartsCore echarts={echarts} option={option} style={{ flex: 1, minHeight: 0, height: '100%' }} notMerge />;
}
