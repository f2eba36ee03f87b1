// The hono environment every function shares: what middleware puts on the context for the routes.
import type { Actor } from '#shared/domain/jurisdiction.ts';
import type { IdempotencyState } from '#shared/http/idempotency.ts';

export interface AppVariables {
  actor: Actor;
  now: Date;
  /** The version named by If-Match, when the request carries one. */
  ifMatch?: number;
  idempotency?: IdempotencyState;
}

export interface AppEnv {
  Variables: AppVariables;
  Bindings: {
    /** Present under Lambda (hono/aws-lambda): API Gateway's event with the JWT authorizer's claims. */
    event?: { requestContext?: { requestId?: string; authorizer?: { jwt?: { claims?: Record<string, unknown> } } } };
    lambdaContext?: { awsRequestId?: string };
  };
}
