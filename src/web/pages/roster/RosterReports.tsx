import { Alert, List, Table, Tabs, Typography } from 'antd';
import { dutyPostLabels, type Roster } from '../../api/roster';

/** Fairness report (counts per person in the fairness window) and gap report of a roster. */
export function RosterReports({ roster }: { roster: Roster }) {
  const gaps = (
    <>
      {roster.gaps.length === 0 ? (
        <Alert type="success" showIcon title={roster.status === 'draft' ? '没有空缺或冲突，可以发布。' : '没有空缺或冲突。'} />
      ) : (
        <Alert type="error" showIcon title={`有 ${roster.gaps.length} 处空缺或冲突，补齐前不能发布`} />
      )}
      {roster.gaps.length > 0 ? <List size="small" dataSource={roster.gaps} renderItem={(gap) => <List.Item>{gap.message}</List.Item>} /> : null}
      {roster.warnings.length > 0 ? (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>放宽规则的提示</Typography.Title>
          <List size="small" dataSource={roster.warnings} renderItem={(warning) => <List.Item>{warning.message}</List.Item>} />
        </>
      ) : null}
    </>
  );

  const fairness = (
    <>
      <Typography.Paragraph type="secondary">
        统计区间 {roster.fairness.window.from} 至 {roster.fairness.window.to}，含替班；中途加入者按加入时同岗位最少人数计基数。
      </Typography.Paragraph>
      {roster.fairness.roles.map((role) => (
        <div key={role.role} style={{ marginBottom: 16 }}>
          <Typography.Title level={5}>
            {dutyPostLabels[role.role]}（节假日相差 {role.spread.holiday}，周末相差 {role.spread.weekend}）
          </Typography.Title>
          <Table
            size="small"
            rowKey="personId"
            pagination={false}
            dataSource={role.people}
            columns={[
              { title: '姓名', dataIndex: 'name' },
              { title: '工作日', render: (_, person) => person.counts.workday + person.baseline.workday },
              { title: '周末', render: (_, person) => person.counts.weekend + person.baseline.weekend },
              { title: '节假日', render: (_, person) => person.counts.holiday + person.baseline.holiday },
              { title: '敏感时期', render: (_, person) => person.counts.sensitive + person.baseline.sensitive },
              { title: '合计', render: (_, person) => person.counts.total + person.baseline.total },
            ]}
          />
        </div>
      ))}
    </>
  );

  return (
    <Tabs
      items={[
        { key: 'gaps', label: `空缺报告（${roster.gaps.length}）`, children: gaps },
        { key: 'fairness', label: '均衡报告', children: fairness },
      ]}
    />
  );
}
