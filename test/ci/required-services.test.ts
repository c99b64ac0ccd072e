import { describe, expect, it } from 'vitest';
import { missingServices, requireServicesOnCi } from '../support/required-services';

describe('services the tests need', () => {
  it('fails the run on CI when one is missing', async () => {
    const probe = async () => ['Chromium at /nowhere'];
    await expect(requireServicesOnCi({ CI: 'true' }, probe)).rejects.toThrow(
      /CI=true.*Chromium at \/nowhere/,
    );
  });

  it('lets suites skip what is missing outside CI', async () => {
    const probe = async () => ['Chromium at /nowhere'];
    await expect(requireServicesOnCi({}, probe)).resolves.toBeUndefined();
  });

  it('finds a load balancer that is not installed', async () => {
    expect(await missingServices(undefined, '/nowhere/haproxy')).toContainEqual(
      expect.stringMatching(/^HAProxy at \/nowhere/),
    );
  });

  it('finds a browser that is not installed', async () => {
    expect(await missingServices('/nowhere/chromium')).toContainEqual(
      expect.stringMatching(/^Chromium at \/nowhere/),
    );
  });
});
