import { beforeAll, expect, it } from 'vitest';
import type { Principal } from '../../api/src/auth/roles';
import { ModelService } from '../../api/src/services/models';
import type { ModelManifest } from '../../models/src/repository/manifest';
import { describeEachDatabase } from '../db/databases';
import { principal } from './principals';
import { testManifest } from '../support/manifest';

let manifestCount = 0;

/** A manifest with an fp32 graph of symbolic input size and an int8 graph fixed at 320. */
function manifest(name: string, version: string, overrides: Partial<ModelManifest> = {}): ModelManifest {
  return testManifest({
    name,
    version,
    description: `${name} v${version}`,
    decoder: { family: 'yolov8', output: 'output0' },
    classes: ['person'],
    artifacts: [
      {
        file: 'model.fp32.onnx',
        precision: 'fp32',
        inputSize: null,
        sha256: 'a'.repeat(64),
        bytes: 1000 + ++manifestCount,
      },
      { file: 'model.int8.320.onnx', precision: 'int8', inputSize: 320, sha256: 'b'.repeat(64), bytes: 300 },
    ],
    ...overrides,
  });
}

describeEachDatabase('model registry', (db) => {
  let models: ModelService;
  let admin: Principal;

  beforeAll(async () => {
    models = new ModelService(db().prisma);
    admin = await principal(db().prisma, 'admin');
    await models.registerManifests([
      manifest('nanodet-m', '1'),
      manifest('nanodet-m', '2'),
      manifest('yolo', '1'),
    ]);
  });

  it('registers manifests with the highest version of each model active and the first model as default', async () => {
    const list = await models.listModels();

    expect(list.map((m) => [m.name, m.isDefault, m.activeVersion, m.versions.length])).toEqual([
      ['nanodet-m', true, '2', 2],
      ['yolo', false, '1', 1],
    ]);
    expect(list[0].versions[1]).toMatchObject({
      family: 'yolov8',
      labelSet: 'coco80',
      defaultPrecision: 'fp32',
      defaultInputSize: 416,
      artifacts: [
        expect.objectContaining({ precision: 'fp32', inputSize: null }),
        expect.objectContaining({ inputSize: 320 }),
      ],
    });
    expect(await models.resolveServingVersion()).toMatchObject({ name: 'nanodet-m', version: '2' });
  });

  it('registering again changes nothing but the manifest facts, keeping what admins chose', async () => {
    await models.activateVersion(admin, 'yolo', '1');
    await models.setDefaultProfile(admin, 'nanodet-m', '1', { precision: 'int8', inputSize: 320 });
    await models.activateVersion(admin, 'nanodet-m', '1');

    await models.registerManifests([
      manifest('nanodet-m', '1', { description: 'rebuilt' }),
      manifest('nanodet-m', '2'),
      manifest('yolo', '1'),
    ]);

    const v1 = await models.getVersion('nanodet-m', '1');
    expect(v1).toMatchObject({
      description: 'rebuilt',
      active: true,
      defaultPrecision: 'int8',
      defaultInputSize: 320,
    });
    expect((await models.getVersion('nanodet-m', '2')).active).toBe(false);
    expect(await models.resolveServingVersion('nanodet-m')).toMatchObject({ version: '1' });
  });

  it('keeps one active version per model', async () => {
    await models.activateVersion(admin, 'nanodet-m', '2');
    await models.activateVersion(admin, 'nanodet-m', '1');
    await models.activateVersion(admin, 'nanodet-m', '2');

    const [nanodet] = await models.listModels();
    expect(nanodet.versions.map((v) => v.active)).toEqual([false, true]);
  });

  it('moves the default to another model', async () => {
    await models.setDefaultModel(admin, 'yolo');

    expect((await models.listModels()).map((m) => m.isDefault)).toEqual([false, true]);
    expect(await models.resolveServingVersion()).toMatchObject({ name: 'yolo' });
    await models.setDefaultModel(admin, 'nanodet-m');
  });

  it('accepts a default profile only if an artifact runs it', async () => {
    const updated = await models.setDefaultProfile(admin, 'yolo', '1', { precision: 'fp32', inputSize: 640 });
    expect(updated).toMatchObject({ defaultPrecision: 'fp32', defaultInputSize: 640 });

    for (const profile of [
      { precision: 'int8', inputSize: 416 }, // int8 exists only at 320
      { precision: 'fp16', inputSize: 320 }, // no fp16 artifact
      { precision: 'fp32', inputSize: 400 }, // not a multiple of 32
    ] as const) {
      await expect(models.setDefaultProfile(admin, 'yolo', '1', profile)).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
      });
    }
  });

  it('resets a default profile that a rebuilt manifest no longer supports', async () => {
    await models.setDefaultProfile(admin, 'yolo', '1', { precision: 'int8', inputSize: 320 });

    const [fp32] = manifest('yolo', '1').artifacts;
    await models.registerManifests([manifest('yolo', '1', { artifacts: [fp32] })]);

    expect(await models.getVersion('yolo', '1')).toMatchObject({
      defaultPrecision: 'fp32',
      defaultInputSize: 416,
    });
  });

  it('audits activations and reports unknown models', async () => {
    const audit = await db().prisma.auditEntry.findFirst({
      where: { action: 'model.activate' },
      orderBy: { at: 'desc' },
    });
    expect(audit).toMatchObject({
      actorKeyId: admin.keyId,
      entity: 'model:nanodet-m',
      after: { activeVersion: '2' },
    });

    await expect(models.activateVersion(admin, 'nanodet-m', '9')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(models.resolveServingVersion('nope')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const reviewer = await principal(db().prisma, 'reviewer');
    await expect(models.setDefaultModel(reviewer, 'yolo')).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('gives versions no admin chose for the default profile of the provider serving runs on', async () => {
    await models.registerManifests([manifest('ruled', '1')]);
    await models.servingOn('cpu');
    expect(await models.getVersion('ruled', '1')).toMatchObject({
      defaultPrecision: 'int8',
      defaultInputSize: 320,
      defaultProfileBasis: { source: 'rule', provider: 'cpu' },
    });

    await models.servingOn('webgpu'); // no fp16 artifact: fp32 at the rule's size
    expect(await models.getVersion('ruled', '1')).toMatchObject({
      defaultPrecision: 'fp32',
      defaultInputSize: 320,
      defaultProfileBasis: { source: 'rule', provider: 'webgpu' },
    });
  });

  it("keeps an admin's default profile whatever the provider", async () => {
    await models.setDefaultProfile(admin, 'ruled', '1', { precision: 'fp32', inputSize: 416 });
    await models.servingOn('cpu');
    await models.registerManifests([manifest('ruled', '1')]);
    expect(await models.getVersion('ruled', '1')).toMatchObject({
      defaultPrecision: 'fp32',
      defaultInputSize: 416,
      defaultProfileBasis: { source: 'admin', provider: null },
    });
  });
});
