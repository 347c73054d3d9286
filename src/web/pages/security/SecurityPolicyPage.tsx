import { Alert, App, Button, Card, Form, InputNumber } from 'antd';
import { limits } from '../../../shared/limits';
import type { PasswordPolicy } from '../../api/auth';
import { usePasswordPolicy, useSavePasswordPolicy } from '../../api/users';
import { useAuth } from '../../app/auth';
import { useShowError } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, LoadingState } from '../../components/states';

const bounds = limits.passwordPolicy;

/** 安全策略: the password policy every account follows. */
export default function SecurityPolicyPage() {
  const policyQuery = usePasswordPolicy();
  const savePolicy = useSavePasswordPolicy();
  const showError = useShowError();
  const { user } = useAuth();
  const { message } = App.useApp();
  const [form] = Form.useForm<PasswordPolicy>();

  async function handleSubmit(values: PasswordPolicy) {
    try {
      await savePolicy.mutateAsync(values);
    } catch (error) {
      showError(error, form);
      return;
    }
    void message.success('密码策略已保存，之后设置的密码按新策略检查');
  }

  return (
    <>
      <PageHeader title="安全策略" description="登录密码的强度和有效期要求。账号解锁和密码重置在“账号管理”中办理。" />
      <Card title="密码策略">
        {policyQuery.isPending ? <LoadingState /> : null}
        {policyQuery.isError ? <ErrorState error={policyQuery.error} onRetry={() => void policyQuery.refetch()} /> : null}
        {policyQuery.data ? (
          <Form<PasswordPolicy> form={form} layout="vertical" initialValues={policyQuery.data} onFinish={handleSubmit} style={{ maxWidth: 480 }}>
            <Form.Item
              label="最短长度（位）"
              name="minLength"
              rules={[{ required: true, type: 'integer', min: bounds.minLength.min, max: bounds.minLength.max, message: `请输入 ${bounds.minLength.min} 到 ${bounds.minLength.max} 之间的整数` }]}
            >
              <InputNumber min={bounds.minLength.min} max={bounds.minLength.max} precision={0} style={{ width: 160 }} />
            </Form.Item>
            <Form.Item
              label="至少包含的字符类别数"
              name="minClasses"
              extra="字符类别：小写字母、大写字母、数字、特殊符号。"
              rules={[{ required: true, type: 'integer', min: bounds.minClasses.min, max: bounds.minClasses.max, message: `请输入 ${bounds.minClasses.min} 到 ${bounds.minClasses.max} 之间的整数` }]}
            >
              <InputNumber min={bounds.minClasses.min} max={bounds.minClasses.max} precision={0} style={{ width: 160 }} />
            </Form.Item>
            <Form.Item
              label="密码有效期（天）"
              name="maxAgeDays"
              extra="到期后登录须先修改密码；填 0 表示长期有效。"
              rules={[{ required: true, type: 'integer', min: bounds.maxAgeDays.min, max: bounds.maxAgeDays.max, message: `请输入 ${bounds.maxAgeDays.min} 到 ${bounds.maxAgeDays.max} 之间的整数` }]}
            >
              <InputNumber min={bounds.maxAgeDays.min} max={bounds.maxAgeDays.max} precision={0} style={{ width: 160 }} />
            </Form.Item>
            {user ? (
              <Alert
                type="info"
                showIcon
                style={{ marginBottom: 16 }}
                title={`连续输错密码会临时锁定账号；无操作 ${user.sessionIdleMinutes} 分钟后自动退出登录。`}
              />
            ) : null}
            <Button type="primary" htmlType="submit" loading={savePolicy.isPending}>
              保存
            </Button>
          </Form>
        ) : null}
      </Card>
    </>
  );
}
