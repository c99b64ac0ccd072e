// Who may make a request with a key: the failed-auth throttle of the client's address, the key itself, then the
// key's request rate. The GraphQL context calls it once per request.
import type { IncomingMessage } from 'node:http';
import type { Principal } from '../auth/roles';
import type { AuthFailureThrottle } from './auth-throttle';
import { clientAddress } from './client-address';
import type { Metering } from './metering';

export interface Authenticator {
  authenticate(secret: string): Promise<Principal | null>;
}

export class RequestGate {
  constructor(
    private readonly keys: Authenticator,
    private readonly throttle: AuthFailureThrottle,
    private readonly metering: Pick<Metering, 'admitRequest'>,
    private readonly trustProxy: boolean,
  ) {}

  /** The key's principal, or null for an unknown or revoked key; throws RateLimitedError when refused. */
  async authenticate(
    req: Pick<IncomingMessage, 'headers' | 'socket'>,
    secret: string,
  ): Promise<Principal | null> {
    const address = clientAddress(req, this.trustProxy);
    await this.throttle.check(address);
    const principal = await this.keys.authenticate(secret);
    if (!principal) {
      await this.throttle.recordFailure(address);
      return null;
    }
    await this.metering.admitRequest(principal);
    return principal;
  }
}
