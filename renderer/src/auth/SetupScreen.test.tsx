// The first run's choice: 新建单位 (the set-up form as before) or 加入已有单位（多机同步）, whose form asks
// what 系统 › 多机同步 asks and the unit's name; a join left unfinished opens at its catch-up.
import { MantineProvider } from '@mantine/core';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';

import { JoinForm } from './JoinScreen';
import { SetupScreen } from './SetupScreen';

const render = (node: React.ReactNode) => renderToStaticMarkup(<MantineProvider>{node}</MantineProvider>);
const noop = () => undefined;

describe('SetupScreen', () => {
  it('opens on the choice between a new unit and joining one, no field yet', () => {
    const html = render(<SetupScreen onDone={noop} />);
    expect(html).toContain('系统初始化');
    expect(html).toContain('>新建单位<');
    expect(html).toContain('>加入已有单位（多机同步）<');
    expect(html).toContain('连接同步中心，接收单位的人员、账户和记录');
    expect(html).not.toContain('<input');
    expect(html).not.toContain('完成初始化');
  });

  it('after a set-up with demo data was closed halfway: the new unit’s form again, with the notice', () => {
    const html = render(<SetupScreen onDone={noop} notice="上次初始化未完成" />);
    for (const label of [
      '单位名称',
      '管理员姓名',
      '登录名',
      '确认密码',
      '完成初始化',
      '返回选择',
      '上次初始化未完成',
    ])
      expect(html).toContain(label);
  });

  it('a join left unfinished opens at its catch-up, with a way back (放弃加入)', () => {
    const html = render(<SetupScreen onDone={noop} joining />);
    expect(html).toContain('正在加入单位');
    expect(html).toContain('已接收 0 条');
    expect(html).toContain('同步状态：');
    expect(html).toContain('放弃加入');
    expect(html).not.toContain('新建单位');
  });
});

describe('JoinForm', () => {
  it('asks the hub, this PC’s account on it, its name and the unit’s name; 加入 and 测试连接', () => {
    const html = render(<JoinForm onJoined={noop} onNewUnit={noop} onBack={noop} />);
    for (const label of [
      '加入已有单位',
      '同步中心地址',
      '用户名',
      '密码',
      '本机名称',
      '单位名称',
      '测试连接',
      '>加入<',
      '返回选择',
    ])
      expect(html).toContain(label);
    expect(html).toContain('placeholder="http://192.168.1.10:5984"');
    expect(html).not.toContain('管理员姓名');
  });
});
