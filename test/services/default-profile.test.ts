// The default profile rule: what a version serves when a request names no profile and no admin chose one.
import { describe, expect, it } from 'vitest';
import {
  chooseDefaultProfile,
  type DefaultProfileQuestion,
  type MeasuredProfile,
} from '../../api/src/services/default-profile';
import type { Precision } from '../../models/src/repository/manifest';

/** The artifacts the repository build makes: fp32, fp16, int8, int4 at 160/224/320/416. */
const ALL_PROFILES = (precision: Precision, size: number) => [160, 224, 320, 416].includes(size);
const FP32_ONLY = (precision: Precision, size: number) =>
  precision === 'fp32' && ALL_PROFILES(precision, size);

function question(overrides: Partial<DefaultProfileQuestion> = {}): DefaultProfileQuestion {
  return {
    provider: 'cpu',
    supports: ALL_PROFILES,
    manifestDefault: { precision: 'fp32', inputSize: 416 },
    measured: [],
    ...overrides,
  };
}

const measured = (
  profile: string,
  imagesPerSecond: number,
  deltaMAP: number,
  inputSize = 320,
): MeasuredProfile => ({
  profile,
  inputSize,
  imagesPerSecond,
  mAP: 0.3633 + deltaMAP / 100,
  deltaMAP,
});

describe('default profile without measurements', () => {
  it('is int8 at 320 on cpu, saying it is the rule for cpu', () => {
    const choice = chooseDefaultProfile(question());
    expect(choice).toMatchObject({ precision: 'int8', inputSize: 320 });
    expect(choice.basis).toMatchObject({ source: 'rule', provider: 'cpu' });
    expect(choice.basis.reason).toMatch(/^rule for cpu: int8 at 320/);
  });

  it.each(['webgpu', 'cuda', 'tensorrt'] as const)('is fp16 at 320 on %s', (provider) => {
    const choice = chooseDefaultProfile(question({ provider }));
    expect(choice).toMatchObject({ precision: 'fp16', inputSize: 320, basis: { source: 'rule', provider } });
    expect(choice.basis.reason).toContain('not yet measured');
  });

  it('is fp32 at 320 when the version has no int8 artifact, and says why', () => {
    const choice = chooseDefaultProfile(question({ supports: FP32_ONLY }));
    expect(choice).toMatchObject({ precision: 'fp32', inputSize: 320 });
    expect(choice.basis.reason).toContain('no int8 artifact');
  });

  it("falls back to the manifest's default when nothing runs at 320", () => {
    const choice = chooseDefaultProfile(question({ supports: (p, size) => p === 'fp32' && size === 640 }));
    expect(choice).toMatchObject({ precision: 'fp32', inputSize: 416, basis: { source: 'manifest' } });
  });
});

describe('default profile from measurements on the provider', () => {
  it('is the fastest profile at 320 within 0.5 mAP points of fp32, with the comparison as its reason', () => {
    const choice = chooseDefaultProfile(
      question({
        measured: [
          measured('fp32', 70, 0),
          measured('int8', 120, 0.21),
          measured('int4', 140, -1.2), // faster, but loses accuracy
          measured('fp32', 300, 0, 160), // another size does not compete
        ],
      }),
    );
    expect(choice).toMatchObject({ precision: 'int8', inputSize: 320, basis: { source: 'measured' } });
    expect(choice.basis.reason).toContain('int8 120.0 img/s, mAP 36.54');
    expect(choice.basis.reason).toContain('fp32 70.0 img/s');
  });

  it('is fp32 on a GPU provider where fp16 measured slower', () => {
    const choice = chooseDefaultProfile(
      question({ provider: 'webgpu', measured: [measured('fp32', 400, 0), measured('fp16', 310, 0)] }),
    );
    expect(choice).toMatchObject({ precision: 'fp32', basis: { source: 'measured', provider: 'webgpu' } });
  });

  it('ignores measurements without fp32 to compare with, keeping the rule', () => {
    const choice = chooseDefaultProfile(question({ measured: [measured('int4', 140, 0)] }));
    expect(choice).toMatchObject({ precision: 'int8', basis: { source: 'rule' } });
  });
});
