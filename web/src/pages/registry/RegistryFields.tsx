// The fields every registry form starts with — the id (fixed once created) and the name — and the
// optional email notices are also sent to. Officers call them 警号 and 姓名, the rest 编号 and 名称.
import { Form, Input } from 'antd';
import { useT } from '../../app/i18n';

export function IdNameFields({ isNew, idWord = '编号', nameWord = '名称' }: { isNew: boolean; idWord?: string; nameWord?: string }) {
  const t = useT();
  return (
    <>
      <Form.Item name="id" label={t(idWord, 'Id')} rules={[{ required: true, message: t(`请输入${idWord}`, 'Enter an id') }]}>
        <Input disabled={!isNew} />
      </Form.Item>
      <Form.Item name="name" label={t(nameWord, 'Name')} rules={[{ required: true, message: t(`请输入${nameWord}`, 'Enter a name') }]}>
        <Input />
      </Form.Item>
    </>
  );
}

export function EmailField() {
  const t = useT();
  return (
    <Form.Item name="email" label={t('电子邮箱', 'Email')} extra={t('通知会同时发到这个邮箱;可不填', 'Notices are also sent here; optional')}>
      <Input type="email" />
    </Form.Item>
  );
}
