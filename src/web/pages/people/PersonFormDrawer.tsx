import { App, Button, Checkbox, Drawer, Form, Input, Radio, Select, Space } from 'antd';
import { limits } from '../../../shared/limits';
import { dutyRoleLabels, dutyRoles, type DutyRole } from '../../../shared/roles';
import { useSavePerson, type Person, type PersonInput } from '../../api/people';
import { useUnits } from '../../api/units';
import { useShowError } from '../../components/feedback';

interface PersonFormValues {
  name: string;
  unitId?: string;
  position?: string;
  isPolice: boolean;
  mobilePhone?: string;
  officePhone?: string;
  dutyRoles: DutyRole[];
}

function emptyToNull(value: string | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

const phoneRule = { pattern: limits.phone.pattern, message: '应为5到20位的电话号码，只能包含数字、空格和+-()' };

/** Create or edit a person; phones the viewer may not see stay unchanged unless retyped. */
export function PersonFormDrawer({ person, defaultUnitId, onClose }: { person: Person | null; defaultUnitId?: string; onClose: () => void }) {
  const [form] = Form.useForm<PersonFormValues>();
  const savePerson = useSavePerson();
  const unitsQuery = useUnits();
  const showError = useShowError();
  const { message } = App.useApp();
  const phonesHidden = person !== null && !person.phonesVisible;

  const unitOptions = (unitsQuery.data ?? [])
    .filter((unit) => unit.active || unit.id === person?.unitId)
    .map((unit) => ({ value: unit.id, label: unit.name }));

  async function handleSubmit(values: PersonFormValues) {
    const input: PersonInput = {
      name: values.name.trim(),
      unitId: values.unitId ?? '',
      position: emptyToNull(values.position),
      isPolice: values.isPolice,
      dutyRoles: values.dutyRoles,
    };
    const mobilePhone = emptyToNull(values.mobilePhone);
    const officePhone = emptyToNull(values.officePhone);
    if (!phonesHidden || mobilePhone !== null) input.mobilePhone = mobilePhone;
    if (!phonesHidden || officePhone !== null) input.officePhone = officePhone;
    try {
      await savePerson.mutateAsync({ id: person?.id ?? null, input });
    } catch (error) {
      showError(error, form);
      return;
    }
    void message.success(person ? '人员信息已保存' : '人员已新增');
    onClose();
  }

  const hiddenHint = phonesHidden ? '号码已隐藏，留空则保持原号码不变；如需查看，请打开列表上方的“显示电话号码”。' : undefined;
  return (
    <Drawer
      open
      title={person ? `编辑人员：${person.name}` : '新增人员'}
      size={520}
      onClose={onClose}
      destroyOnHidden
      footer={
        <Space style={{ float: 'right' }}>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={savePerson.isPending} onClick={() => form.submit()}>
            保存
          </Button>
        </Space>
      }
    >
      <Form<PersonFormValues>
        form={form}
        layout="vertical"
        onFinish={handleSubmit}
        initialValues={{
          name: person?.name ?? '',
          unitId: person?.unitId ?? defaultUnitId,
          position: person?.position ?? '',
          isPolice: person?.isPolice ?? false,
          mobilePhone: person?.phonesVisible ? (person.mobilePhone ?? '') : '',
          officePhone: person?.phonesVisible ? (person.officePhone ?? '') : '',
          dutyRoles: person?.dutyRoles ?? [],
        }}
      >
        <Form.Item
          label="姓名"
          name="name"
          rules={[
            { required: true, whitespace: true, message: '请输入姓名' },
            { max: limits.personName.max, message: `姓名不能超过 ${limits.personName.max} 个字` },
          ]}
        >
          <Input maxLength={limits.personName.max} />
        </Form.Item>
        <Form.Item label="单位" name="unitId" rules={[{ required: true, message: '请选择单位' }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} placeholder="请选择单位" loading={unitsQuery.isPending} options={unitOptions} />
        </Form.Item>
        <Form.Item label="职务" name="position" rules={[{ max: limits.position.max, message: `职务不能超过 ${limits.position.max} 个字` }]}>
          <Input placeholder="如：科长" maxLength={limits.position.max} />
        </Form.Item>
        <Form.Item label="是否警察" name="isPolice" extra="警察在席位值班时须按规定着装。">
          <Radio.Group
            options={[
              { value: true, label: '是' },
              { value: false, label: '否' },
            ]}
          />
        </Form.Item>
        <Form.Item label="手机号码" name="mobilePhone" rules={[phoneRule]} extra={hiddenHint}>
          <Input placeholder={phonesHidden ? '已隐藏' : '如：13800000000'} maxLength={limits.phone.max} />
        </Form.Item>
        <Form.Item label="办公电话" name="officePhone" rules={[phoneRule]} extra={hiddenHint}>
          <Input placeholder={phonesHidden ? '已隐藏' : '如：0898-66531234'} maxLength={limits.phone.max} />
        </Form.Item>
        <Form.Item label="可担任的值班角色" name="dutyRoles" extra="可多选；不选表示不参加值班排班。值班指挥长一般由局领导担任，值班长由部门负责人担任。">
          <Checkbox.Group options={dutyRoles.map((value) => ({ value, label: dutyRoleLabels[value] }))} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
