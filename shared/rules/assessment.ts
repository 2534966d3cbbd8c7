// §10 Annual assessment (考核): the ten items, the grade and its consequences.

import { checkInteger, checkObject, checkOneOf } from './validate';

export type Grade = 'excellent' | 'qualified' | 'basic' | 'unqualified';

export const GRADES: readonly Grade[] = ['excellent', 'qualified', 'basic', 'unqualified'];

export const GRADE_LABELS: Readonly<Record<Grade, string>> = {
  excellent: '优秀',
  qualified: '合格',
  basic: '基本合格',
  unqualified: '不合格',
};

export type Attitude = 'none' | 'corrected' | 'media_exposed';

export const ATTITUDES: readonly Attitude[] = ['none', 'corrected', 'media_exposed'];

export const ATTITUDE_LABELS: Readonly<Record<Attitude, string>> = {
  none: '无',
  corrected: '态度问题被投诉属实,已改正并道歉',
  media_exposed: '态度问题经市以上刊物报道、曝光属实',
};

// ASM-1: the ten items, as the regulations word them
export const ASSESSMENT_ITEMS: readonly { no: number; text: string }[] = [
  { no: 1, text: '是否认真填写行政权力运行动态工作记录' },
  { no: 2, text: '是否认真落实局务会议精神' },
  { no: 3, text: '是否有对干部职工不满意的记录' },
  { no: 4, text: '是否按法定权限和程序办事' },
  { no: 5, text: '是否执行一次性告知制度' },
  { no: 6, text: '是否在规定时间内办结行政许可事项' },
  { no: 7, text: '是否在规定时间、规定地点公示应该公示的内容' },
  { no: 8, text: '是否签订廉政承诺书' },
  { no: 9, text: '行政权力相对人对干部职工的满意程度' },
  { no: 10, text: '是否建立重要权力运行登记制度,并真实有效' },
];

// ASM-2, ASM-3: ≥ 9 优秀, 7–8 合格, 6 基本合格, < 6 不合格; then the attitude caps
export function assessmentGrade(a: { itemsMet: number; attitude: Attitude }): Grade {
  const o = checkObject(a, 'a');
  const items = checkInteger(o.itemsMet, 'itemsMet', 0, ASSESSMENT_ITEMS.length);
  const attitude = checkOneOf(o.attitude, 'attitude', ATTITUDES);
  if (attitude === 'media_exposed') return 'unqualified';
  const grade: Grade =
    items >= 9 ? 'excellent' : items >= 7 ? 'qualified' : items >= 6 ? 'basic' : 'unqualified';
  return attitude === 'corrected' && (grade === 'excellent' || grade === 'qualified') ? 'basic' : grade;
}

// ASM-4: what the grade brings
export function gradeConsequence(grade: Grade): string {
  const consequences: Record<Grade, string> = {
    excellent: '提请局党组予以表彰、奖励',
    qualified: '无',
    basic: '不得评为当年工作先进,并给予警告',
    unqualified: '给予通报批评,取消当年年终奖金,限期改正,并按局有关规定处理',
  };
  return consequences[checkOneOf(grade, 'grade', GRADES)];
}
