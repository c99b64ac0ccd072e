// GraphQL over plain node:http with keep-alive connections: fetch (undici) costs the client noticeably more
// CPU per request, and on a 2-core machine the client shares the cores with the server it measures.
import http from 'node:http';

export interface GraphQLReply {
  /** `extensions.code` of the first error; undefined when the request succeeded. */
  errorCode: string | undefined;
  /** The server's `extensions.retryAfterMs` with an OVERLOADED error. */
  retryAfterMs: number | undefined;
  data: Record<string, unknown> | undefined;
}

interface ReplyBody {
  data?: Record<string, unknown> | null;
  errors?: { extensions?: { code?: string; retryAfterMs?: number } }[];
}

export class GraphQLClient {
  private readonly agent: http.Agent;
  private readonly endpoint: URL;

  constructor(
    baseUrl: string,
    private readonly apiKey: string,
    maxSockets: number,
  ) {
    this.endpoint = new URL('/graphql', baseUrl);
    this.agent = new http.Agent({ keepAlive: true, maxSockets });
  }

  /** A request body serialised once, for sending many times. */
  static body(query: string, variables: Record<string, unknown> = {}): Buffer {
    return Buffer.from(JSON.stringify({ query, variables }));
  }

  async request(query: string, variables?: Record<string, unknown>): Promise<GraphQLReply> {
    return this.send(GraphQLClient.body(query, variables));
  }

  /** Posts a prepared body. Transport failures become the code HTTP_<status> or NETWORK, never exceptions. */
  send(body: Buffer): Promise<GraphQLReply> {
    return new Promise((resolve) => {
      const req = http.request(
        this.endpoint,
        {
          method: 'POST',
          agent: this.agent,
          headers: {
            'content-type': 'application/json',
            'content-length': body.length,
            authorization: `Bearer ${this.apiKey}`,
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve(parseReply(res.statusCode ?? 0, Buffer.concat(chunks))));
          res.on('error', () => resolve(failure('NETWORK')));
        },
      );
      req.on('error', () => resolve(failure('NETWORK')));
      req.end(body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

function parseReply(status: number, raw: Buffer): GraphQLReply {
  let body: ReplyBody;
  try {
    body = JSON.parse(raw.toString('utf8')) as ReplyBody;
  } catch {
    return failure(`HTTP_${status}`);
  }
  const error = body.errors?.[0];
  if (error) {
    return {
      errorCode: error.extensions?.code ?? `HTTP_${status}`,
      retryAfterMs: error.extensions?.retryAfterMs,
      data: undefined,
    };
  }
  if (status !== 200 || !body.data) return failure(`HTTP_${status}`);
  return { errorCode: undefined, retryAfterMs: undefined, data: body.data };
}

function failure(code: string): GraphQLReply {
  return { errorCode: code, retryAfterMs: undefined, data: undefined };
}
