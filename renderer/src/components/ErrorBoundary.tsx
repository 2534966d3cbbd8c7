// A module's page that fails while rendering (or whose code fails to load) shows a Chinese message
// with a way back instead of a blank window. The shell wraps every module's page in one, so a new
// module has it without doing anything.
import { Alert, Button, Code, Group, Stack, Text } from '@mantine/core';
import { Component, Fragment } from 'react';
import type { ErrorInfo, ReactNode } from 'react';

type Props = {
  children: ReactNode;
  where?: string; // what failed, e.g. the module's name: 「考勤」页面
  resetKey?: string; // when it changes (the user went elsewhere), the page is shown again
  onHome: () => void; // 返回工作台
};

type State = { error: Error | null; stack: string; attempt: number };

function asError(e: unknown): Error {
  return e instanceof Error ? e : new Error(String(e));
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, stack: '', attempt: 0 };

  static getDerivedStateFromError(e: unknown): Partial<State> {
    return { error: asError(e) };
  }

  override componentDidCatch(e: unknown, info: ErrorInfo): void {
    this.setState({ stack: info.componentStack ?? '' });
    console.error('[页面出错]', e, info.componentStack);
  }

  override componentDidUpdate(prev: Props): void {
    if (prev.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: null, stack: '' });
  }

  // 重新加载本页: the page is mounted afresh (its state is lost; what was saved is in the database).
  reload = (): void => this.setState((s) => ({ error: null, stack: '', attempt: s.attempt + 1 }));

  home = (): void => {
    this.props.onHome();
    this.reload();
  };

  override render(): ReactNode {
    const { error, stack, attempt } = this.state;
    if (error)
      return (
        <ErrorMessage
          error={error}
          stack={stack}
          where={this.props.where}
          onHome={this.home}
          onReload={this.reload}
        />
      );
    return <Fragment key={attempt}>{this.props.children}</Fragment>;
  }
}

export function ErrorMessage(p: {
  error: Error;
  stack?: string;
  where?: string;
  onHome: () => void;
  onReload: () => void;
}) {
  return (
    <Alert color="red" variant="light" title="出错了" role="alert" maw={760}>
      <Stack gap="sm">
        <Text size="sm">
          {p.where ?? '本页'}
          遇到意外错误，暂时无法显示。已保存的数据不受影响。可以返回工作台，或重新加载本页再试；问题反复出现时，请把下面的错误详情告诉系统管理员。
        </Text>
        <details>
          <summary style={{ cursor: 'pointer', fontSize: 'var(--mantine-font-size-sm)' }}>错误详情</summary>
          <Code block mt="xs" style={{ whiteSpace: 'pre-wrap', maxHeight: 240, overflow: 'auto' }}>
            {`${p.error.name}: ${p.error.message}${p.stack ? `\n${p.stack.trim()}` : ''}`}
          </Code>
        </details>
        <Group>
          <Button onClick={p.onHome}>返回工作台</Button>
          <Button variant="default" onClick={p.onReload}>
            重新加载本页
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
