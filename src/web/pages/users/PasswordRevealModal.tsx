import { Alert, Button, Modal, Typography } from 'antd';

/** Shows a generated password, which cannot be displayed again after the modal closes. */
export function PasswordRevealModal({ title, username, password, onClose }: { title: string; username: string; password: string; onClose: () => void }) {
  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      mask={{ closable: false }}
      footer={
        <Button type="primary" onClick={onClose}>
          我已记下
        </Button>
      }
    >
      <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="密码只显示这一次，关闭后无法再次查看。请当面或通过安全渠道交给本人，本人首次登录后须修改密码。" />
      <Typography.Paragraph>账号：{username}</Typography.Paragraph>
      <Typography.Paragraph>
        初始密码：
        <Typography.Text code copyable={{ text: password, tooltips: ['复制', '已复制'] }} style={{ fontSize: 16 }} data-testid="revealed-password">
          {password}
        </Typography.Text>
      </Typography.Paragraph>
    </Modal>
  );
}
