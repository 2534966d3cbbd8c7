// The risk register of the regulations' first part (一、权力运行风险; 二、防范措施), each risk with the
// controls in this product that enforce it: the rule ID and the screen where it acts.
import type { RuleId } from '../../../../../shared/rules';

export type Control = { ruleId: RuleId; screen: string; how: string };
export type Risk = { no: number; risk: string; measures: string[]; controls: Control[] };

export const MEASURES: Record<number, string> = {
  1: '根据信访条例，对信访事项不按规定登记的，造成严重后果的，对直接负责的主管人员和其他直接责任人员依法给予行政处分。',
  2: '根据信访条例，行政机关工作人员在处理信访事项过程中，作风粗暴，激化矛盾并造成严重后果的，依法给予行政处分。',
  3: '根据信访条例，信访工作人员应该熟悉相关法规政策，应当转送有权处理机关的，应直接转送，转交，转办。',
  4: '各级信访部门应互通受理情况，避免出现重复受理情况。',
  5: '对可能造成社会影响的重大、紧急信访事项和信访信息，隐瞒、谎报、缓报，或者授意他人隐瞒、谎报、缓报，造成严重后果的，对直接负责的主管人员和其他直接责任人员依法给予行政处分；构成犯罪的，依法追究刑事责任。',
};

export const RISKS: Risk[] = [
  {
    no: 1,
    risk: '对信访事项不按规定登记，可能造成严重后果。',
    measures: [MEASURES[1]],
    controls: [
      {
        ruleId: 'PET-1',
        screen: '信访—来信登记、来访登记',
        how: '每件信访事项先登记编号、日期、渠道和信访人，未登记的事项无法办理；记录全国信访信息系统录入编号',
      },
      {
        ruleId: 'PET-2',
        screen: '信访—办理',
        how: '登记后15日内须作出转送、交办、受理或不予受理的处理，期限进入期限监控',
      },
    ],
  },
  {
    no: 2,
    risk: '信访工作人员将信访人的检举、揭发材料及有关情况透露或者转给检举、揭发的个人或单位，可能造成严重后果。',
    measures: [MEASURES[1], MEASURES[3]],
    controls: [
      {
        ruleId: 'PET-6',
        screen: '信访—转送/交办',
        how: '检举揭发件不能转送、交办给被检举单位（系统拒绝并显示规则）',
      },
      {
        ruleId: 'PET-6',
        screen: '信访列表、打印、导出',
        how: '检举人身份对无权查看的角色一律遮蔽，打印件和导出台帐同样遮蔽',
      },
    ],
  },
  {
    no: 3,
    risk: '造成社会影响的重大、紧急信访件隐瞒、谎报，或者授意他人隐瞒、谎报、缓报，可能造成严重后果。',
    measures: [MEASURES[5]],
    controls: [
      {
        ruleId: 'PET-7',
        screen: '信访—重大紧急上报；工作台',
        how: '重大紧急事项须立即上报，不能隐藏、降级；工作台列出所有未上报的紧急事项，延迟须记录理由并对局长可见',
      },
    ],
  },
  {
    no: 4,
    risk: '信访工作人员分拆信访件，没有按照“属地管理，分级负责，谁主管，谁负责”的原则，直接转送有权处理的行政机关，可能造成严重后果。',
    measures: [MEASURES[3], MEASURES[4]],
    controls: [
      {
        ruleId: 'PET-8',
        screen: '信访—转送/交办',
        how: '一件信访事项始终为一案整体转送；责任单位按乡镇×事项对照表自动建议',
      },
      {
        ruleId: 'PET-10',
        screen: '信访—登记查重',
        how: '登记时查找同一信访人和相似内容，提示并关联为重复件，避免重复受理',
      },
    ],
  },
  {
    no: 5,
    risk: '信访件办理工作人员推诿、敷衍、拖延，可能造成严重后果。',
    measures: [MEASURES[1]],
    controls: [
      {
        ruleId: 'PET-9',
        screen: '信访—督办',
        how: '每件信访事项显示下一期限，逾期事项列入督办清单并注明责任单位',
      },
      { ruleId: 'PET-4', screen: '信访—办理', how: '受理后60日内办结，延期一次不超过30日并须记录理由' },
      {
        ruleId: 'SUP-4',
        screen: '考核与监督—期限监控',
        how: '全局所有进行中的期限集中监控，逾期、即将到期一目了然',
      },
    ],
  },
  {
    no: 6,
    risk: '工作人员在回复来信人时，工作态度粗暴、简单，激发矛盾可能造成严重后果。',
    measures: [MEASURES[2]],
    controls: [
      {
        ruleId: 'PET-11',
        screen: '信访—答复记录',
        how: '答复信访人须记录日期、方式和内容；对答复态度的投诉记入被投诉人名下',
      },
      { ruleId: 'SUP-3', screen: '考核与监督—投诉举报', how: '指定专人受理、登记、调查核实并答复' },
      {
        ruleId: 'ASM-3',
        screen: '考核与监督—年度考核',
        how: '态度投诉经查属实的，年度考核至多基本合格；经市以上媒体曝光属实的直接评为不合格',
      },
    ],
  },
];
