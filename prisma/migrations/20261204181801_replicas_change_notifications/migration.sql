-- Replicas cache what every detect reads (keys, label sets, serving model versions and their default profiles,
-- review rules) for a few seconds. A change anyone commits (an API call on any replica, the CLI, psql) notifies
-- channel wanshi_changes with the cache it stales, and every replica listening clears that cache
-- (api/src/replicas/change-feed.ts). NOTIFY is sent at commit, so no replica reloads the state before it.
-- Statement-level: one notice per statement, and PostgreSQL folds equal notices within a transaction.
CREATE FUNCTION wanshi_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('wanshi_changes', TG_ARGV[0]);
  RETURN NULL;
END;
$$;

-- Not on last_used_at, which requests touch once a minute per key.
CREATE TRIGGER api_keys_changed
  AFTER INSERT OR DELETE OR UPDATE OF revoked_at, role, requests_per_second, burst, images_per_day ON "api_keys"
  FOR EACH STATEMENT EXECUTE FUNCTION wanshi_notify_change('keys');

CREATE TRIGGER label_sets_changed AFTER INSERT OR UPDATE OR DELETE ON "label_sets"
  FOR EACH STATEMENT EXECUTE FUNCTION wanshi_notify_change('labels');
CREATE TRIGGER label_set_versions_changed AFTER INSERT OR UPDATE OR DELETE ON "label_set_versions"
  FOR EACH STATEMENT EXECUTE FUNCTION wanshi_notify_change('labels');
CREATE TRIGGER labels_changed AFTER INSERT OR UPDATE OR DELETE ON "labels"
  FOR EACH STATEMENT EXECUTE FUNCTION wanshi_notify_change('labels');

CREATE TRIGGER models_changed AFTER INSERT OR UPDATE OR DELETE ON "models"
  FOR EACH STATEMENT EXECUTE FUNCTION wanshi_notify_change('models');
CREATE TRIGGER model_versions_changed AFTER INSERT OR UPDATE OR DELETE ON "model_versions"
  FOR EACH STATEMENT EXECUTE FUNCTION wanshi_notify_change('models');

CREATE TRIGGER review_rules_changed AFTER INSERT OR UPDATE OR DELETE ON "review_rules"
  FOR EACH STATEMENT EXECUTE FUNCTION wanshi_notify_change('reviewRules');
