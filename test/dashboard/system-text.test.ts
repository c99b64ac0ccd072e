// The API's English sentences (benchmark progress and warnings, audit entries, generated key names) read in
// the dashboard's Chinese; an unknown sentence is shown as it came.
import { describe, expect, it } from 'vitest';
import { en } from '../../dashboard/lib/i18n/en';
import {
  auditActionText,
  auditChangeLines,
  auditEntityText,
  cancelText,
  flagText,
  keyNameText,
  progressText,
} from '../../dashboard/lib/i18n/system-text';
import { zhCN } from '../../dashboard/lib/i18n/zh-CN';

const zh = zhCN.systemText;

describe('benchmark texts in Chinese', () => {
  it.each([
    ['int8 320: mAP on 8 images', 'INT8 320：在 8 张图片上测 mAP'],
    ['fp16 160: session memory and kernels', 'FP16 160：测会话内存与算子'],
    ['160: fp32, int8 in 6 interleaved passes', '160：FP32、INT8 交替测速 6 轮'],
    ['built int8-320.onnx', '已构建 int8-320.onnx'],
  ])('progress %s', (message, expected) => expect(progressText(message, zh)).toBe(expected));

  it.each([
    ['mAP -1.25 points vs fp32', 'mAP 比 FP32 差 -1.25 个百分点'],
    [
      'slower than fp32 on cpu: 0.80× its speed (paired runs)',
      '在 cpu 上比 FP32 慢：速度只有它的 0.80×（成对测量）',
    ],
    ['ran on cpu: webgpu was unavailable', '在 cpu 上运行：webgpu 不可用'],
  ])('warning %s', (flag, expected) => expect(flagText(flag, zh)).toBe(expected));

  it('shows a sentence it does not know as it came', () => {
    expect(progressText('something new', zh)).toBe('something new');
  });

  it('says who cancelled, with the generated admin key’s name in Chinese', () => {
    expect(cancelText('Cancelled by Generated at first start', zh)).toBe('由「首次启动时生成」取消');
    expect(keyNameText('Generated at first start', zh)).toBe('首次启动时生成');
    expect(keyNameText('仓库摄像头', zh)).toBe('仓库摄像头');
  });
});

describe('audit entries', () => {
  it('name the action, the entity and each changed field in Chinese, without raw JSON', () => {
    expect(auditActionText('label.update', zh)).toBe('修改标签');
    expect(auditEntityText('label:coco80/person', zh)).toBe('标签 coco80/person');
    const before = { key: 'person', zh: '人', aliases: ['人类'], enabled: true };
    const after = { key: 'person', zh: '行人', aliases: ['人类', '路人'], enabled: false };
    expect(auditChangeLines(before, after, zh)).toEqual([
      '中文名：人 → 行人',
      '别名：人类 → 人类、路人',
      '启用：是 → 否',
    ]);
  });

  it('read in English with the English messages', () => {
    expect(auditChangeLines({ zh: '人' }, { zh: '行人' }, en.systemText)).toEqual([
      'Chinese name: 人 → 行人',
    ]);
    expect(auditActionText('labelSet.publish', en.systemText)).toBe('Label set published');
  });
});
