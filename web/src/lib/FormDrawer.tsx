// A create or edit form in a drawer: the API's field errors land under the fields they name
// (showOnFields), any other failure in an alert above the form; the drawer closes on success.
import { Button, Drawer, Form, Space } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../app/i18n';
import { ProblemAlert } from './problem';
import { useSubmit } from './useSubmit';

export interface FormDrawerProps<V> {
  title: string;
  /** The values the form opens with; the drawer is closed while undefined. */
  initialValues?: Partial<V>;
  onClose(): void;
  /** Sends the form; a thrown ApiError is shown on the form and keeps the drawer open. */
  onSubmit(values: V): Promise<void>;
  submitText?: string;
  children: ReactNode;
}

export function FormDrawer<V>({ title, initialValues, onClose, onSubmit, submitText, children }: FormDrawerProps<V>) {
  const t = useT();
  const [form] = Form.useForm();
  const { busy, error, setError, submit } = useSubmit(form);
  const close = () => {
    setError(undefined);
    onClose();
  };
  const finish = async (values: V) => {
    if (await submit(() => onSubmit(values))) close();
  };
  return (
    <Drawer
      title={title}
      open={initialValues !== undefined}
      onClose={close}
      destroyOnHidden
      size={480}
      extra={
        <Space>
          <Button onClick={close}>{t('取消', 'Cancel')}</Button>
          <Button type="primary" loading={busy} onClick={() => form.submit()}>
            {submitText ?? t('保存', 'Save')}
          </Button>
        </Space>
      }
    >
      <ProblemAlert error={error} />
      <Form form={form} layout="vertical" initialValues={initialValues} preserve={false} onFinish={(v: V) => void finish(v)}>
        {children}
        {/* Enter in a field submits, as in any form. */}
        <button type="submit" hidden />
      </Form>
    </Drawer>
  );
}
