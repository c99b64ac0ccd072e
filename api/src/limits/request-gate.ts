// Who is making a request: the one authentication step of every HTTP route and of the GraphQL context. The
// failed-auth throttle of the client's address, the key itself, then the key's request rate.
import type { IncomingMessage } from 'node:http';
import { parseBearer, type Principal } from '../auth/roles';
import { UnauthenticatedError } from '../services/errors';
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

  /**
   * The caller's principal from `Authorization: Bearer <key>`, or null when the request carries no key. Throws
   * UnauthenticatedError for an unknown or revoked key and RateLimitedError when the address or key is refused.
   */
  async authenticate(req: Pick<IncomingMessage, 'headers' | 'socket'>): Promise<Principal | null> {
    const secret = parseBearer(req.headers.authorization);
    if (!secret) return null;
    const address = clientAddress(req, this.trustProxy);
    await this.throttle.check(address);
    const principal = await this.keys.authenticate(secret);
    if (!principal) {
      await this.throttle.recordFailure(address);
      throw new UnauthenticatedError('The API key is invalid or revoked');
    }
    await this.metering.admitRequest(principal);
    return principal;
  }
}
