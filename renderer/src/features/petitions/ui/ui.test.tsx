// The PET-4 note and the next-deadline banner of a case quote the rule as it applies to the case's
// category: a 检举控告类 or 建议意见类 case is not told the 申诉求决类 60-day text.
import { MantineProvider, NativeSelect } from '@mantine/core';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';

import { withDefaults } from '../core/settings';

import { caseRuleText, RuleNote, useCaseForm } from './ui';

const render = (node: ReactNode) => renderToStaticMarkup(<MantineProvider>{node}</MantineProvider>);

describe('PET-4 text by category', () => {
  it('quotes the 申诉求决类 rule only for a 申诉求决类 case', () => {
    expect(render(<RuleNote id="PET-4" nature="claim" />)).toContain('申诉求决类事项自受理之日起60日内办结');
    const accusation = render(<RuleNote id="PET-4" nature="accusation" />);
    expect(accusation).not.toContain('申诉求决类事项自受理之日起60日内办结');
    expect(accusation).toContain('检举控告类事项按其自身程序办理');
  });

  it('gives the banner the set limit of the category', () => {
    const settings = withDefaults({ otherCompletionDays: { suggestion: 45, accusation: 90 } });
    expect(caseRuleText('PET-4', 'accusation', settings).text).toContain('90日');
    expect(caseRuleText('PET-4', 'suggestion', settings).text).toContain('45日');
    expect(caseRuleText('PET-4', 'claim', settings).text).toContain('申诉求决类');
    expect(caseRuleText('PET-3', 'accusation', settings).text).toContain('5个工作日');
  });
});

// A case panel's form: `select(key)` hands a NativeSelect the field's value.
function WayForm() {
  const form = useCaseForm({ initial: { way: '短信' }, submit: async () => undefined });
  return <NativeSelect label="告知方式" {...form.select('way')} data={['书面', '短信', '网上']} />;
}

describe('useCaseForm', () => {
  it('gives a NativeSelect the value of its field', () => {
    expect(render(<WayForm />)).toMatch(/<option value="短信" selected="">/);
  });
});
