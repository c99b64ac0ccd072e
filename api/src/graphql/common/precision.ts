import { registerEnumType } from 'type-graphql';
import type { Precision as ManifestPrecision } from '../../../../models/src/repository/manifest';

export enum Precision {
  FP32 = 'fp32',
  FP16 = 'fp16',
  INT8 = 'int8',
  INT4 = 'int4',
}
registerEnumType(Precision, { name: 'Precision', description: 'Numeric precision of a model artifact' });

export const toManifestPrecision = (p: Precision): ManifestPrecision => p;
export const fromManifestPrecision = (p: ManifestPrecision): Precision => p as Precision;
