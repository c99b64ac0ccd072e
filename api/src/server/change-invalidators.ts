// Which caches each change notice clears (api/src/replicas/change-feed.ts).
import { createLogger } from '../logging/logger';
import type { ArtifactShare } from '../replicas/artifact-share';
import type { Invalidators } from '../replicas/change-feed';
import type { Services } from './services';

const log = createLogger('change-feed');

/** `artifacts`: when set, a models notice also fetches model versions another replica shared. */
export function cacheInvalidators(
  services: Pick<Services, 'keys' | 'keyLimits' | 'labels' | 'models' | 'reviewRules'>,
  artifacts?: ArtifactShare,
): Invalidators {
  return {
    keys: () => {
      services.keys.forgetCached();
      services.keyLimits.forgetCached();
    },
    labels: () => services.labels.forgetCached(),
    models: () => {
      services.models.forgetCached();
      artifacts?.sync().catch((error) => log.error('fetching shared model files failed', error));
    },
    reviewRules: () => services.reviewRules.forgetCached(),
  };
}
