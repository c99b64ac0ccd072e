// Which caches each change notice clears (api/src/replicas/change-feed.ts).
import type { Invalidators } from '../replicas/change-feed';
import type { Services } from './services';

export function cacheInvalidators(
  services: Pick<Services, 'keys' | 'keyLimits' | 'labels' | 'models' | 'reviewRules'>,
): Invalidators {
  return {
    keys: () => {
      services.keys.forgetCached();
      services.keyLimits.forgetCached();
    },
    labels: () => services.labels.forgetCached(),
    models: () => services.models.forgetCached(),
    reviewRules: () => services.reviewRules.forgetCached(),
  };
}
