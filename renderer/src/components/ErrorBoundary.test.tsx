// The error boundary the shell puts around every module's page: a page that throws shows 出错了 with
// the details folded away and two ways on, never a blank window.
import { MantineProvider } from '@mantine/core';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { ErrorBoundary } from './ErrorBoundary';

type Props = ConstructorParameters<typeof ErrorBoundary>[0];

// react-dom/server does not run error boundaries (it leaves a throw to the client), so the test does
// what React does in the browser: render the boundary with its children; when a child throws, hand
// the error to getDerivedStateFromError and render the boundary again. setState is applied at once.
function mount(children: ReactNode, props: Partial<Props> = {}) {
  const b = new ErrorBoundary({ children, onHome: () => {}, ...props });
  b.setState = (u) => {
    const next = typeof u === 'function' ? u(b.state, b.props) : u;
    b.state = { ...b.state, ...next };
  };
  const html = () => renderToStaticMarkup(<MantineProvider>{b.render()}</MantineProvider>);
  const render = () => {
    try {
      return html();
    } catch (e) {
      b.state = { ...b.state, ...ErrorBoundary.getDerivedStateFromError(e) };
      return html();
    }
  };
  return { b, render };
}

function Thrower(): ReactNode {
  throw new RangeError('day: must be an integer from 1 to 30, got 31');
}

describe('ErrorBoundary', () => {
  // componentDidCatch writes the fault to the console, as it should; not into the test's output.
  beforeAll(() => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
  });
  afterAll(() => {
    vi.restoreAllMocks();
  });

  it('shows a Chinese message, the details folded away, and 返回工作台 / 重新加载本页 when a child throws', () => {
    const { render } = mount(
      <>
        <p>考勤表</p>
        <Thrower />
      </>,
      { where: '「考勤」页面' },
    );
    const html = render();
    expect(html).toContain('出错了');
    expect(html).toContain('「考勤」页面遇到意外错误，暂时无法显示。已保存的数据不受影响。');
    expect(html).toMatch(
      /<details><summary[^>]*>错误详情<\/summary>.*RangeError: day: must be an integer from 1 to 30, got 31.*<\/details>/s,
    );
    expect(html).not.toMatch(/<details open/);
    expect(html).toMatch(/<button[^>]*>.*返回工作台.*<\/button>.*<button[^>]*>.*重新加载本页.*<\/button>/s);
    expect(html).toContain('role="alert"');
    expect(html).not.toContain('<p>考勤表</p>');
  });

  it('shows the page as it is when nothing throws', () => {
    const html = mount(<p>考勤表</p>).render();
    expect(html).toBe(renderToStaticMarkup(<MantineProvider>{<p>考勤表</p>}</MantineProvider>));
    expect(html).not.toContain('出错了');
  });

  it('takes a thrown non-Error too, and says 本页 when it is not told where', () => {
    function ThrowsText(): ReactNode {
      throw 'boom';
    }
    const html = mount(<ThrowsText />).render();
    expect(html).toContain('本页遇到意外错误');
    expect(html).toContain('Error: boom');
  });

  it('puts the component stack under the details once caught', () => {
    const { b, render } = mount(<Thrower />);
    render();
    b.componentDidCatch(new Error('x'), { componentStack: '\n    at Thrower\n    at MonthSheetView' });
    expect(render()).toContain('at MonthSheetView');
  });

  it('mounts the page afresh on 重新加载本页, goes to the 工作台 on 返回工作台, and clears when the route changes', () => {
    const onHome = vi.fn();
    let fail = true;
    function Sometimes(): ReactNode {
      if (fail) throw new Error('once');
      return <p>恢复</p>;
    }
    const { b, render } = mount(<Sometimes />, { onHome, resetKey: 'attendance/month/2026-12' });
    expect(render()).toContain('出错了');
    fail = false;
    b.reload();
    expect(b.state.attempt).toBe(1);
    expect(render()).toContain('<p>恢复</p>');

    fail = true;
    expect(render()).toContain('出错了');
    b.home();
    expect(onHome).toHaveBeenCalledOnce();
    expect(b.state.error).toBeNull();

    expect(render()).toContain('出错了');
    b.componentDidUpdate({ ...b.props });
    expect(b.state.error).not.toBeNull();
    b.componentDidUpdate({ ...b.props, resetKey: 'dashboard' });
    expect(b.state.error).toBeNull();
  });
});
