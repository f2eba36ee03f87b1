// API Gateway (HTTP API) routes, from the same route table the local server dispatches with
// (schemas/routes/index.ts): every route but the public ones requires an ID token of the deployment's issuer.
import { type RemovalPolicy, aws_apigateway as apigateway, aws_apigatewayv2 as apigw } from 'aws-cdk-lib';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';
import { routesByFunction } from '../schemas/routes/index.ts';
import { must } from '../shared/must.ts';
import { logGroup } from './logging.ts';
import { acknowledge } from './nag.ts';
import type { Identity } from './identity.ts';

export interface ApiRoute {
  method: string;
  path: string;
  functionName: string;
  isPublic: boolean;
}

/** Served by the public function without a token (the OpenAPI document and its viewer are plain hono routes). */
export const PUBLIC_ROUTES: ApiRoute[] = [
  ...must(routesByFunction.public, 'the route table has public routes').map((r) => ({
    method: r.method.toUpperCase(),
    path: r.path,
    functionName: 'public',
    isPublic: true,
  })),
  { method: 'GET', path: '/openapi.json', functionName: 'public', isPublic: true },
  { method: 'GET', path: '/docs', functionName: 'public', isPublic: true },
];

export function apiRoutes(): ApiRoute[] {
  const protectedRoutes = Object.entries(routesByFunction)
    .filter(([name]) => name !== 'public')
    .flatMap(([functionName, routes]) =>
      routes.map((r) => ({ method: r.method.toUpperCase(), path: r.path, functionName, isPublic: false })),
    );
  return [...PUBLIC_ROUTES, ...protectedRoutes];
}

const ACCESS_LOG_FORMAT = JSON.stringify({
  requestId: '$context.requestId',
  time: '$context.requestTime',
  ip: '$context.identity.sourceIp',
  route: '$context.routeKey',
  status: '$context.status',
  latencyMs: '$context.responseLatency',
  sub: '$context.authorizer.claims.sub',
  authorizerError: '$context.authorizer.error',
  integrationError: '$context.integrationErrorMessage',
});

export function createHttpApi(
  scope: Construct,
  functions: Map<string, IFunction>,
  identity: Identity,
  removalPolicy?: RemovalPolicy,
) {
  const api = new apigw.HttpApi(scope, 'Api', {
    description: 'WasteChain electronic transfer manifest API',
    createDefaultStage: false,
    // Unknown paths reach the public function, whose answer is a problem+json 404 like the local server's.
    defaultIntegration: new HttpLambdaIntegration(
      'DefaultIntegration',
      must(functions.get('public'), 'a public function'),
      { scopePermissionToRoute: false },
    ),
  });
  const accessLogs = logGroup(scope, 'ApiAccessLogs', removalPolicy);
  const stage = api.addStage('DefaultStage', {
    stageName: '$default',
    autoDeploy: true,
    throttle: { rateLimit: 200, burstLimit: 400 },
    accessLogSettings: {
      destination: new apigw.LogGroupLogDestination(accessLogs),
      format: apigateway.AccessLogFormat.custom(ACCESS_LOG_FORMAT),
    },
  });
  // API Gateway checks signature, expiry, issuer and audience; the functions map the claims (infra/identity.ts).
  const authorizer = new HttpJwtAuthorizer(
    identity.users ? 'CognitoAuthorizer' : 'OidcAuthorizer',
    identity.issuerUrl,
    {
      jwtAudience: identity.audience,
    },
  );

  const integrations = new Map<string, HttpLambdaIntegration>();
  const integrationOf = (name: string) => {
    const fn = functions.get(name);
    if (!fn) throw new Error(`The route table names function ${name}, but functions/${name}/index.ts does not exist`);
    // One permission per function for the whole API, so the function policy stays small as routes grow.
    let integration = integrations.get(name);
    if (!integration) {
      integration = new HttpLambdaIntegration(`${name}Integration`, fn, { scopePermissionToRoute: false });
      integrations.set(name, integration);
    }
    return integration;
  };
  for (const route of apiRoutes()) {
    const [added] = api.addRoutes({
      path: route.path,
      methods: [route.method as apigw.HttpMethod],
      integration: integrationOf(route.functionName),
      ...(route.isPublic ? {} : { authorizer }),
    });
    if (route.isPublic)
      acknowledge(
        must(added, 'a route per method added'),
        'AwsSolutions-APIG4',
        `${route.method} ${route.path} is public by contract (health, the OpenAPI document and its viewer)`,
      );
  }
  acknowledge(
    api.node.findChild('DefaultRoute'),
    'AwsSolutions-APIG4',
    'The catch-all route only answers problem+json 404 from the public function; /v1 paths there still demand a token',
  );
  return { api, stage };
}
