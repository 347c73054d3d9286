import { App, Button, Drawer, Form, Input, Select, Space } from 'antd';
import { limits } from '../../../shared/limits';
import { roleLabels, type Role } from '../../../shared/roles';
import { usePeople } from '../../api/people';
import { useUnits } from '../../api/units';
import { useCreateUser, useUpdateUser, type UserAccount } from '../../api/users';
import { useCurrentUser } from '../../app/auth';
import { useShowError } from '../../components/feedback';
import { administratorRoles, assignableRoles } from './account-permissions';

interface UserFormValues {
  username: string;
  name: string;
  roles: Role[];
  unitId?: string;
  personId?: string | null;
}

/** Creates or edits an account. A new account's initial password goes to `onCreated`. */
export function UserFormDrawer({
  account,
  onClose,
  onCreated,
}: {
  account: UserAccount | null;
  onClose: () => void;
  onCreated: (username: string, password: string) => void;
}) {
  const user = useCurrentUser();
  const assignable = assignableRoles(user);
  const managesAdministrators = assignable.some((role) => administratorRoles.includes(role));
  const [form] = Form.useForm<UserFormValues>();
  const unitId = Form.useWatch('unitId', form) ?? account?.unitId;
  const unitsQuery = useUnits();
  const peopleQuery = usePeople({ unitId, active: true, page: 1, pageSize: limits.pageSize.max }, { enabled: Boolean(unitId) });
  const createUser = useCreateUser();
  const updateUser = useUpdateUser();
  const showError = useShowError();
  const { message } = App.useApp();

  async function handleSubmit(values: UserFormValues) {
    const input = { name: values.name.trim(), roles: values.roles, unitId: values.unitId ?? '', personId: values.personId ?? null };
    try {
      if (account) {
        await updateUser.mutateAsync({ id: account.id, input });
        void message.success('账号已保存');
        onClose();
        return;
      }
      const created = await createUser.mutateAsync({ ...input, username: values.username.trim() });
      onClose();
      onCreated(created.user.username, created.initialPassword);
    } catch (error) {
      showError(error, form);
    }
  }

  return (
    <Drawer
      open
      title={account ? `编辑账号：${account.username}` : '新增账号'}
      size={520}
      onClose={onClose}
      destroyOnHidden
      footer={
        <Space style={{ float: 'right' }}>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={createUser.isPending || updateUser.isPending} onClick={() => form.submit()}>
            保存
          </Button>
        </Space>
      }
    >
      <Form<UserFormValues>
        form={form}
        layout="vertical"
        onFinish={handleSubmit}
        initialValues={{ username: account?.username ?? '', name: account?.name ?? '', roles: account?.roles ?? [], unitId: account?.unitId, personId: account?.personId ?? null }}
      >
        <Form.Item
          label="用户名"
          name="username"
          extra={account ? '用户名创建后不能修改。' : '用于登录，以字母开头，可含字母、数字和 . _ -'}
          rules={
            account
              ? []
              : [
                  { required: true, whitespace: true, message: '请输入用户名' },
                  { min: limits.username.min, max: limits.username.max, message: `用户名长度为 ${limits.username.min} 到 ${limits.username.max} 位` },
                  { pattern: limits.username.pattern, message: '用户名须以字母开头，只能包含字母、数字和 . _ -' },
                ]
          }
        >
          <Input disabled={account !== null} maxLength={limits.username.max} autoComplete="off" />
        </Form.Item>
        <Form.Item
          label="姓名"
          name="name"
          rules={[
            { required: true, whitespace: true, message: '请输入姓名' },
            { max: limits.accountName.max, message: `姓名不能超过 ${limits.accountName.max} 个字` },
          ]}
        >
          <Input maxLength={limits.accountName.max} />
        </Form.Item>
        <Form.Item
          label="角色"
          name="roles"
          rules={[{ required: true, type: 'array', min: 1, message: '请至少选择一个角色' }]}
          extra={
            managesAdministrators
              ? '系统管理员、安全管理员、审计管理员三个角色应分别由不同账号担任，每个账号只选其中一个。'
              : '只列出系统管理员可分配的业务角色；管理员账号由安全管理员管理。'
          }
        >
          <Select mode="multiple" options={assignable.map((role) => ({ value: role, label: roleLabels[role] }))} placeholder="请选择角色" />
        </Form.Item>
        <Form.Item label="所属单位" name="unitId" rules={[{ required: true, message: '请选择所属单位' }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="请选择单位"
            loading={unitsQuery.isPending}
            options={(unitsQuery.data ?? []).filter((unit) => unit.active || unit.id === account?.unitId).map((unit) => ({ value: unit.id, label: unit.name }))}
            onChange={() => form.setFieldValue('personId', null)}
          />
        </Form.Item>
        <Form.Item label="对应人员" name="personId" extra="关联人员后，排班、值班记录可对应到本账号。">
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            disabled={!unitId}
            placeholder={unitId ? '可选，从所属单位人员中选择' : '请先选择所属单位'}
            loading={peopleQuery.isFetching}
            options={(peopleQuery.data?.people ?? []).map((person) => ({ value: person.id, label: person.position ? `${person.name}（${person.position}）` : person.name }))}
            notFoundContent={peopleQuery.isError ? '人员加载失败，请稍后重试' : '该单位暂无在职人员'}
          />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
