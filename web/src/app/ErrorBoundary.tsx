// A page that throws while rendering shows a plain apology and a way back, never the stack.
import { Button, Result } from 'antd';
import { Component, type ReactNode } from 'react';
import { useT } from './i18n';

function Apology({ onRetry }: { onRetry(): void }) {
  const t = useT();
  return (
    <Result
      status="error"
      title={t('页面出错了', 'This page failed')}
      subTitle={t('请重试;如果仍然出错,请联系局机关系统管理员。', 'Try again; if it fails again, tell the bureau’s administrator.')}
      extra={<Button onClick={onRetry}>{t('重试', 'Try again')}</Button>}
    />
  );
}

export class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  render() {
    return this.state.failed ? <Apology onRetry={() => this.setState({ failed: false })} /> : this.props.children;
  }
}
