import { Card, Col, Row, Space, Typography } from 'antd';
import { Link } from 'react-router';
import { useCurrentUser } from '../../app/auth';
import { PageHeader } from '../../components/PageHeader';
import { TodayDutyCard } from './TodayDutyCard';

export default function HomePage() {
  const user = useCurrentUser();

  return (
    <>
      <PageHeader title="首页" description={`${user.name}，您好。`} />
      <Row gutter={[16, 16]}>
        <Col span={24}>
          <TodayDutyCard />
        </Col>
        <Col xs={24} md={12}>
          <Card title="排班">
            <Space orientation="vertical">
              <Link to="/roster">查看值班表</Link>
              <Link to="/roster/requests">换班、替班与请假</Link>
              <Typography.Text type="secondary">已发布的值班表只能通过换班、替班调整，批准后立即生效。</Typography.Text>
            </Space>
          </Card>
        </Col>
      </Row>
    </>
  );
}
