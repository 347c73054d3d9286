import { Card, Descriptions, Space, Tag } from 'antd';
import { roleLabels } from '../../../shared/roles';
import { useCurrentUser } from '../../app/auth';
import { PageHeader } from '../../components/PageHeader';
import { ChangePasswordForm } from '../auth/ChangePasswordForm';

/** 个人中心: the signed-in account and its password. */
export default function ProfilePage() {
  const user = useCurrentUser();
  return (
    <>
      <PageHeader title="个人中心" />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card title="账号信息">
          <Descriptions column={{ xs: 1, md: 2 }} data-testid="profile-details">
            <Descriptions.Item label="姓名">{user.name}</Descriptions.Item>
            <Descriptions.Item label="用户名">{user.username}</Descriptions.Item>
            <Descriptions.Item label="所属单位">{user.unitName || '—'}</Descriptions.Item>
            <Descriptions.Item label="角色">
              <Space size={[4, 4]} wrap>
                {user.roles.map((role) => (
                  <Tag key={role} color="blue">
                    {roleLabels[role]}
                  </Tag>
                ))}
              </Space>
            </Descriptions.Item>
          </Descriptions>
        </Card>
        <Card title="修改密码">
          <ChangePasswordForm policy={user.passwordPolicy} username={user.username} onChanged={() => undefined} />
        </Card>
      </Space>
    </>
  );
}
