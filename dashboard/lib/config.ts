// The dashboard's one configuration module. Read on the server at request time (never inlined at build),
// so the same build can point at any Wanshi API.
import 'server-only';

export interface DashboardConfig {
  /** Base URL of the Wanshi API, without a trailing slash. */
  apiUrl: string;
}

const DEFAULT_API_URL = 'http://127.0.0.1:4000';

export function loadConfig(env: NodeJS.ProcessEnv = process.env): DashboardConfig {
  const raw = env.WANSHI_API_URL?.trim() || DEFAULT_API_URL;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`WANSHI_API_URL is not a valid URL: "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`WANSHI_API_URL must be http(s), got "${raw}"`);
  }
  return { apiUrl: url.href.replace(/\/+$/, '') };
}

let cached: DashboardConfig | undefined;

export function getConfig(): DashboardConfig {
  cached ??= loadConfig();
  return cached;
}
