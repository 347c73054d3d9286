/** Element fields of an incident, shared by intake and later completion (补充要素). */
import { Checkbox, Col, Form, Input, Row } from 'antd';

const { TextArea } = Input;

/** Marks the fields of required elements that are still missing, by their Chinese element name. */
export function ElementFields({ missing = [] }: { missing?: string[] }) {
  const status = (element: string) => (missing.includes(element) ? ('warning' as const) : undefined);
  const help = (element: string) => (missing.includes(element) ? `尚缺：${element}` : undefined);
  return (
    <>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="place" label="发生地点" validateStatus={status('地点')} help={help('地点')}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="type" label="事件类型">
            <Input maxLength={100} placeholder="如：脱管、突发疾病、舆情" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="facts" label="基本情况" validateStatus={status('基本情况')} help={help('基本情况')}>
        <TextArea rows={3} maxLength={4000} />
      </Form.Item>
      <Form.Item name="casualties" label="伤亡和损失情况" validateStatus={status('伤亡和损失情况')} help={help('伤亡和损失情况')}>
        <TextArea rows={2} maxLength={4000} placeholder="没有伤亡请填写“无”" />
      </Form.Item>
      <Form.Item name="measures" label="已采取的措施" validateStatus={status('已采取的措施')} help={help('已采取的措施')}>
        <TextArea rows={2} maxLength={4000} />
      </Form.Item>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="reporterName" label="报告人" validateStatus={status('报告人及联系方式')}>
            <Input maxLength={32} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="reporterContact" label="报告人联系方式" validateStatus={status('报告人及联系方式')} help={help('报告人及联系方式')}>
            <Input maxLength={40} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="onSiteCommanderName" label="现场指挥员" validateStatus={status('现场指挥员及联系方式')}>
            <Input maxLength={32} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="onSiteCommanderContact" label="现场指挥员联系方式" validateStatus={status('现场指挥员及联系方式')} help={help('现场指挥员及联系方式')}>
            <Input maxLength={40} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="trend" label="发展趋势">
        <TextArea rows={2} maxLength={4000} />
      </Form.Item>
      <Form.Item name="publicOpinion" label="网上舆情" validateStatus={status('网上舆情')} help={help('网上舆情')}>
        <TextArea rows={2} maxLength={4000} placeholder="没有舆情请填写“暂无”" />
      </Form.Item>
      <Form.Item name="background" label="背景资料" validateStatus={status('背景资料')} help={help('背景资料')}>
        <TextArea rows={2} maxLength={4000} />
      </Form.Item>
      <Form.Item name="earlySign" valuePropName="checked">
        <Checkbox>苗头性信息（当天核报初步核查结论，滚动续报）</Checkbox>
      </Form.Item>
    </>
  );
}
