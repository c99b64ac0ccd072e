// The lightweight profiles an fp32 artifact can be turned into, and the manifest precision each one serves.
import type { Precision } from '../repository/manifest';

export type ProfileName = 'fp16' | 'fp16-storage' | 'int8' | 'int4';
export const PROFILE_NAMES: readonly ProfileName[] = ['fp16', 'fp16-storage', 'int8', 'int4'];

export const PROFILE_PRECISION: Record<ProfileName, Precision> = {
  fp16: 'fp16',
  // Stored as float16, computed in float32: listed as fp16 (its numbers are fp16-rounded weights).
  'fp16-storage': 'fp16',
  int8: 'int8',
  int4: 'int4',
};

export function isProfileName(name: string): name is ProfileName {
  return (PROFILE_NAMES as readonly string[]).includes(name);
}

export function profileFile(profile: ProfileName, inputSize: number): string {
  return `${profile}-${inputSize}.onnx`;
}
