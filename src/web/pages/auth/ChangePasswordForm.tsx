import { App, Button, Form, Input, Typography } from 'antd';
import { describePasswordPolicy, useChangePassword, type PasswordPolicy } from '../../api/auth';
import { useShowError } from '../../components/feedback';

interface ChangePasswordValues {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

function characterClasses(password: string): number {
  return [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((pattern) => pattern.test(password)).length;
}

/** Checks a new password against the policy the server enforces, so most mistakes show before submitting. */
export function passwordProblems(password: string, policy: PasswordPolicy, username: string): string[] {
  const problems: string[] = [];
  if (password.length < policy.minLength) problems.push(`长度至少 ${policy.minLength} 位`);
  if (characterClasses(password) < policy.minClasses) problems.push(`须包含小写字母、大写字母、数字、特殊符号中的至少 ${policy.minClasses} 类`);
  if (username && password.toLowerCase().includes(username.toLowerCase())) problems.push('不得包含用户名');
  return problems;
}

/** The change-password form with the policy shown above it. */
export function ChangePasswordForm({ policy, username, onChanged }: { policy: PasswordPolicy; username: string; onChanged: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<ChangePasswordValues>();
  const changePassword = useChangePassword();
  const showError = useShowError();

  async function handleSubmit(values: ChangePasswordValues) {
    try {
      await changePassword.mutateAsync({ currentPassword: values.currentPassword, newPassword: values.newPassword });
    } catch (error) {
      showError(error, form);
      return;
    }
    form.resetFields();
    void message.success('密码已修改');
    onChanged();
  }

  return (
    <>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        密码要求：
      </Typography.Paragraph>
      <ul style={{ marginTop: 0, paddingInlineStart: 20, color: 'rgba(0,0,0,0.65)' }} data-testid="password-policy">
        {describePasswordPolicy(policy).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <Form<ChangePasswordValues> form={form} layout="vertical" onFinish={handleSubmit} style={{ maxWidth: 420 }}>
        <Form.Item label="当前密码" name="currentPassword" rules={[{ required: true, message: '请输入当前密码' }]}>
          <Input.Password autoComplete="current-password" maxLength={256} />
        </Form.Item>
        <Form.Item
          label="新密码"
          name="newPassword"
          dependencies={['currentPassword']}
          rules={[
            { required: true, message: '请输入新密码' },
            ({ getFieldValue }) => ({
              validator(_, value: string | undefined) {
                if (!value) return Promise.resolve();
                const problems = passwordProblems(value, policy, username);
                if (value === getFieldValue('currentPassword')) problems.push('不能与当前密码相同');
                return problems.length === 0 ? Promise.resolve() : Promise.reject(new Error(`新密码${problems.join('；')}`));
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" maxLength={256} />
        </Form.Item>
        <Form.Item
          label="确认新密码"
          name="confirmPassword"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: '请再次输入新密码' },
            ({ getFieldValue }) => ({
              validator(_, value: string | undefined) {
                if (!value || value === getFieldValue('newPassword')) return Promise.resolve();
                return Promise.reject(new Error('两次输入的新密码不一致'));
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" maxLength={256} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={changePassword.isPending}>
          修改密码
        </Button>
      </Form>
    </>
  );
}
