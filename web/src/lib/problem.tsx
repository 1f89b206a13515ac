// The API's errors where the user looks: a field's error under that field (by its JSON pointer
// or parameter name), the rest in one alert with the problem's detail and request id. Never a
// stack trace: what the console shows of a failure is the API's own problem text.
import { Alert, type FormInstance } from 'antd';
import { ApiError, type FieldError } from '../api/client';
import { useT } from '../app/i18n';

/** The form path a field error names: '/payments/0/amount' → ['payments', 0, 'amount']. */
export function fieldPath(e: FieldError): (string | number)[] | undefined {
  if (e.parameter) return [e.parameter];
  if (!e.pointer) return undefined;
  return e.pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/**
 * Puts the problem's field errors on the form's fields it has; answers true when every error
 * found its field (so no alert is needed).
 */
export function showOnFields(form: FormInstance, err: unknown): boolean {
  if (!(err instanceof ApiError) || !err.problem.errors?.length) return false;
  const known = err.problem.errors.filter((e) => {
    const path = fieldPath(e);
    return path !== undefined && form.getFieldInstance(path as never) !== undefined;
  });
  form.setFields(known.map((e) => ({ name: fieldPath(e)!, errors: [e.message] })));
  return known.length === err.problem.errors.length;
}

export function messageOf(err: unknown, t: (zh: string, en: string) => string): string {
  if (err instanceof ApiError) {
    if (err.status === 0) return t('无法连接服务器,请检查网络后重试。', 'The server could not be reached; check the network and try again.');
    return err.problem.detail;
  }
  return t('出现了意外错误,请刷新页面后重试。', 'Something unexpected happened; reload the page and try again.');
}

/** An alert for a failed call: the API's detail, its field errors, and the request id to quote. */
export function ProblemAlert({ error, onClose }: { error: unknown; onClose?: () => void }) {
  const t = useT();
  if (!error) return null;
  const problem = error instanceof ApiError ? error.problem : undefined;
  const fields = problem?.errors ?? [];
  return (
    <Alert
      type="error"
      showIcon
      closable={onClose ? { onClose } : false}
      style={{ marginBottom: 16 }}
      title={messageOf(error, t)}
      description={
        fields.length > 1 || problem?.requestId ? (
          <>
            {fields.length > 1 && (
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {fields.map((f, i) => (
                  <li key={i}>
                    {f.line !== undefined ? t(`第 ${f.line} 行`, `line ${f.line}`) : (f.pointer ?? f.parameter ?? '')}
                    {f.column ? t(`,${f.column} 列`, `, column ${f.column}`) : ''}: {f.message}
                  </li>
                ))}
              </ul>
            )}
            {problem?.requestId && (
              <div style={{ opacity: 0.7 }}>
                {t('请求编号', 'Request id')}: {problem.requestId}
              </div>
            )}
          </>
        ) : undefined
      }
    />
  );
}
