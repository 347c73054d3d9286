import { App, Button, Drawer, Form, Input, InputNumber, Select, Space, Switch } from 'antd';
import { limits } from '../../../shared/limits';
import { unitKindLabels, unitKinds, type UnitKind } from '../../../shared/roles';
import { usePeople } from '../../api/people';
import { useSaveUnit, type Unit, type UnitInput } from '../../api/units';
import { useShowError } from '../../components/feedback';

interface UnitFormValues {
  name: string;
  shortName?: string;
  kind: UnitKind;
  dutyRoomName?: string;
  dutyRoomPhone?: string;
  liaisonPersonId?: string | null;
  sortOrder?: number;
  active: boolean;
}

function emptyToNull(value: string | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

/** Create or edit a unit. `phonesShown` tells whether the unit came with its duty room phone. */
export function UnitFormDrawer({ unit, phonesShown, onClose }: { unit: Unit | null; phonesShown: boolean; onClose: () => void }) {
  const [form] = Form.useForm<UnitFormValues>();
  const saveUnit = useSaveUnit();
  const showError = useShowError();
  const { message } = App.useApp();
  // An existing unit's liaison is one of its own people.
  const liaisonCandidates = usePeople({ unitId: unit?.id, active: true, page: 1, pageSize: limits.pageSize.max }, { enabled: unit !== null });
  const phoneHidden = unit !== null && !phonesShown;

  async function handleSubmit(values: UnitFormValues) {
    const input: Partial<UnitInput> = {
      name: values.name.trim(),
      shortName: emptyToNull(values.shortName),
      kind: values.kind,
      dutyRoomName: emptyToNull(values.dutyRoomName),
      sortOrder: values.sortOrder ?? 0,
    };
    // A hidden phone was never loaded: leave it unchanged unless a new one was typed.
    const phone = emptyToNull(values.dutyRoomPhone);
    if (!phoneHidden || phone !== null) input.dutyRoomPhone = phone;
    if (unit) {
      input.liaisonPersonId = values.liaisonPersonId ?? null;
      input.active = values.active;
    }
    try {
      await saveUnit.mutateAsync({ id: unit?.id ?? null, input });
    } catch (error) {
      showError(error, form);
      return;
    }
    void message.success(unit ? '单位信息已保存' : '单位已新增');
    onClose();
  }

  return (
    <Drawer
      open
      title={unit ? `编辑单位：${unit.name}` : '新增单位'}
      size={520}
      onClose={onClose}
      destroyOnHidden
      footer={
        <Space style={{ float: 'right' }}>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={saveUnit.isPending} onClick={() => form.submit()}>
            保存
          </Button>
        </Space>
      }
    >
      <Form<UnitFormValues>
        form={form}
        layout="vertical"
        onFinish={handleSubmit}
        initialValues={{
          name: unit?.name ?? '',
          shortName: unit?.shortName ?? '',
          kind: unit?.kind ?? 'department',
          dutyRoomName: unit?.dutyRoomName ?? '',
          dutyRoomPhone: phonesShown ? (unit?.dutyRoomPhone ?? '') : '',
          liaisonPersonId: unit?.liaisonPersonId ?? null,
          sortOrder: unit?.sortOrder ?? 0,
          active: unit?.active ?? true,
        }}
      >
        <Form.Item
          label="单位名称"
          name="name"
          rules={[
            { required: true, whitespace: true, message: '请输入单位名称' },
            { max: limits.unitName.max, message: `单位名称不能超过 ${limits.unitName.max} 个字` },
          ]}
        >
          <Input placeholder="如：秀英区司法局" maxLength={limits.unitName.max} showCount />
        </Form.Item>
        <Form.Item label="简称" name="shortName" rules={[{ max: limits.shortName.max, message: `简称不能超过 ${limits.shortName.max} 个字` }]}>
          <Input placeholder="如：秀英" maxLength={limits.shortName.max} />
        </Form.Item>
        <Form.Item label="单位类型" name="kind" rules={[{ required: true, message: '请选择单位类型' }]}>
          <Select options={unitKinds.map((value) => ({ value, label: unitKindLabels[value] }))} />
        </Form.Item>
        <Form.Item label="值班室（指挥室）名称" name="dutyRoomName" rules={[{ max: limits.shortText.max, message: `不能超过 ${limits.shortText.max} 个字` }]}>
          <Input placeholder="如：秀英区司法局值班室" maxLength={limits.shortText.max} />
        </Form.Item>
        <Form.Item
          label="值班室电话"
          name="dutyRoomPhone"
          extra={phoneHidden ? '电话已隐藏。留空则保持原号码不变；如需查看，请在列表上方打开“显示值班室电话”。' : undefined}
          rules={[{ pattern: limits.phone.pattern, message: '应为5到20位的电话号码，只能包含数字、空格和+-()' }]}
        >
          <Input placeholder={phoneHidden ? '已隐藏' : '如：0898-66531234'} maxLength={limits.phone.max} />
        </Form.Item>
        {unit ? (
          <Form.Item label="信息员" name="liaisonPersonId" extra="负责本单位每日信息报送（零报告）的人员，从本单位在职人员中选择。">
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={liaisonCandidates.isError ? '人员加载失败，请稍后重试' : '请选择信息员'}
              loading={liaisonCandidates.isPending}
              options={(liaisonCandidates.data?.people ?? []).map((person) => ({ value: person.id, label: person.position ? `${person.name}（${person.position}）` : person.name }))}
              notFoundContent={liaisonCandidates.isPending ? '正在加载…' : '本单位暂无在职人员，请先在人员管理中添加'}
            />
          </Form.Item>
        ) : null}
        <Form.Item
          label="排序号"
          name="sortOrder"
          extra="数字越小越靠前"
          rules={[{ type: 'integer', min: limits.sortOrder.min, max: limits.sortOrder.max, message: `请输入 ${limits.sortOrder.min} 到 ${limits.sortOrder.max} 之间的整数` }]}
        >
          <InputNumber min={limits.sortOrder.min} max={limits.sortOrder.max} precision={0} style={{ width: 160 }} />
        </Form.Item>
        {unit ? (
          <Form.Item label="启用" name="active" valuePropName="checked">
            <Switch checkedChildren="启用" unCheckedChildren="停用" />
          </Form.Item>
        ) : null}
      </Form>
    </Drawer>
  );
}
