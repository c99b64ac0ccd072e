import { registerEnumType } from 'type-graphql';

export enum Precision {
  FP32 = 'fp32',
  FP16 = 'fp16',
  INT8 = 'int8',
  INT4 = 'int4',
}
registerEnumType(Precision, { name: 'Precision', description: 'Numeric precision of a model artifact' });
