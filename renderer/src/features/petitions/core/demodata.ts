// Fictitious petition content for the demo and the benchmark: names, places, and summaries by
// category that read like the real thing. A small seeded random generator keeps runs repeatable.

import { DEFAULT_CATEGORIES } from '../labels';

export { seededRandom as seeded } from '../../../demo/random';

export const pick = <T>(rnd: () => number, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
export const between = (rnd: () => number, lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛';
const GIVEN =
  '建国志强秀英桂兰明华德胜玉梅海涛春生冬梅立新卫东红霞国庆小军丽华永福爱民金凤文斌淑芬振华家旺运来月娥'.match(
    /.{2}/g,
  )!;
export const VILLAGES = [
  '黄家村',
  '石门村',
  '白水村',
  '龙潭村',
  '新塘村',
  '大坪村',
  '枫林村',
  '双江村',
  '高岭村',
  '清溪村',
  '河口村',
  '长冲村',
];

export function personName(rnd: () => number): string {
  return pick(rnd, SURNAMES.split('')) + (rnd() < 0.3 ? pick(rnd, GIVEN)[0] : pick(rnd, GIVEN));
}

export function phoneNumber(rnd: () => number): string {
  return `1${pick(rnd, ['35', '38', '39', '50', '58', '77', '80', '86', '89'])}${String(between(rnd, 0, 99999999)).padStart(8, '0')}`;
}

// the demo's petitions fall in every 问题类别 but 纪检监察 and 其他
export const DEMO_CATEGORIES: string[] = DEFAULT_CATEGORIES.filter((c) => c !== '纪检监察' && c !== '其他');

const TEMPLATES: Record<string, string[]> = {
  劳动社保: [
    '反映{company}拖欠{n}名农民工工资共计{money}万元，多次讨要未果，请求督促支付',
    '反映本人在{company}工作期间受工伤，单位拒不申报工伤认定，请求依法处理',
    '反映原民办教师工龄认定和养老保险待遇问题，要求落实相关政策',
    '反映{company}未依法缴纳社会保险费，要求补缴',
  ],
  国土资源: [
    '反映{village}宅基地界址纠纷，邻居强行占用，请求确权',
    '反映{village}集体土地被征收后补偿款未足额发放，要求公开补偿标准',
    '反映{village}有人在基本农田上违法建房，请求查处',
    '反映承包地被他人侵占，要求恢复原状',
  ],
  城乡建设: [
    '反映{village}通组公路年久失修，雨天无法通行，请求硬化',
    '反映县城某小区开发商逾期交房且无法办理不动产权证',
    '反映房屋征收安置房迟迟未交付，过渡费停发',
    '反映小区物业服务差、乱收费，请求住建部门监管',
  ],
  政法: [
    '反映案件久拖不决，法院判决后对方拒不履行，请求执行',
    '反映{village}邻里纠纷中被人打伤，派出所处理不公',
    '对交通事故责任认定不服，请求重新调查',
  ],
  教育: [
    '反映{village}村小撤并后孩子上学路途远，请求安排校车',
    '反映学校违规收取资料费，要求退还',
    '反映孩子入学学位安排问题，要求就近入学',
  ],
  卫生健康: [
    '反映在乡镇卫生院就医时发生医疗纠纷，请求鉴定处理',
    '反映计划生育特别扶助金未按时发放',
    '反映村卫生室乡村医生待遇问题',
  ],
  民政: [
    '反映家庭困难申请低保未获批准，请求重新审核',
    '反映{village}残疾人两项补贴发放不到位',
    '反映特困供养人员待遇问题，要求落实政策',
  ],
  农业农村: [
    '反映{village}农田灌溉水渠损毁，影响春耕生产',
    '反映耕地地力保护补贴未发放到户',
    '反映{village}土地流转合同纠纷，租金长期拖欠',
  ],
  环境保护: [
    '反映{village}附近养殖场污水直排，污染河道',
    '反映{company}夜间施工噪音扰民',
    '反映{village}石料厂粉尘污染严重，请求整治',
  ],
};

const COMPANIES = [
  '某建筑公司',
  '某劳务公司',
  '某矿业公司',
  '某食品厂',
  '某砖厂',
  '某建材公司',
  '某物流公司',
];

export function summaryFor(rnd: () => number, category: string): string {
  const t = pick(rnd, TEMPLATES[category] ?? TEMPLATES['民政']);
  return t
    .replace('{company}', pick(rnd, COMPANIES))
    .replace('{village}', pick(rnd, VILLAGES))
    .replace('{n}', String(between(rnd, 3, 40)))
    .replace('{money}', String(between(rnd, 2, 60)));
}

export const ACCUSATIONS = [
  '检举{village}村干部虚报冒领低保金、侵占集体资金',
  '检举某站所工作人员在办理证件时索要好处费',
  '检举{village}村委会在项目招标中弄虚作假',
];

export function accusationFor(rnd: () => number): string {
  return pick(rnd, ACCUSATIONS).replace('{village}', pick(rnd, VILLAGES));
}
