// FormCard renders one form in a card: the title, the fields, then the submit button with what goes
// beside it (static markup; unit tests run without a browser window).
import { MantineProvider } from '@mantine/core';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';

import { FormCard } from './FormCard';

const render = (node: ReactNode) => renderToStaticMarkup(<MantineProvider>{node}</MantineProvider>);

describe('FormCard', () => {
  it('puts the title, the fields, the submit button and the footer in that order inside one form', () => {
    const html = render(
      <FormCard
        title="借阅申请"
        submitLabel="提交借阅申请"
        footer={<i>hint</i>}
        onSubmit={() => {}}
        onError={() => {}}
      >
        <input name="docTitle" />
      </FormCard>,
    );
    expect(html.match(/<form/g)).toHaveLength(1);
    expect(html).toMatch(
      /<h5[^>]*>借阅申请<\/h5>.*<input name="docTitle"\/>.*<button[^>]*type="submit"[^>]*>.*提交借阅申请.*<\/button><i>hint<\/i>/s,
    );
  });

  it('leaves the title out when there is none, and takes the title order', () => {
    expect(
      render(
        <FormCard submitLabel="登记" onSubmit={() => {}} onError={() => {}}>
          x
        </FormCard>,
      ),
    ).not.toMatch(/<h\d/);
    expect(
      render(
        <FormCard
          title="收文签收登记"
          titleOrder={4}
          submitLabel="保存"
          onSubmit={() => {}}
          onError={() => {}}
        >
          x
        </FormCard>,
      ),
    ).toMatch(/<h4[^>]*>收文签收登记<\/h4>/);
  });

  it('puts the fields and the button in one row for a short form, with no title', () => {
    const html = render(
      <FormCard inline title="不显示" submitLabel="登记印章" onSubmit={() => {}} onError={() => {}}>
        <input name="name" />
        <input name="note" />
      </FormCard>,
    );
    expect(html).not.toMatch(/<h\d/);
    expect(html).toMatch(
      /<input name="name"\/><input name="note"\/><button[^>]*type="submit"[^>]*>.*登记印章/s,
    );
  });
});
