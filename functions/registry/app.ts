// The registry function: who the caller is, reference data, parties, members, licences and webhook subscriptions.
import { createApp } from '#shared/http/create-app.ts';
import { catalogueRoutes } from './catalogue-routes.ts';
import { licenceRoutes } from './licence-routes.ts';
import { locationRoutes } from './location-routes.ts';
import { memberRoutes } from './member-routes.ts';
import { partyRoutes } from './party-routes.ts';
import { webhookRoutes } from './webhook-routes.ts';

export const app = createApp();
catalogueRoutes(app);
partyRoutes(app);
memberRoutes(app);
licenceRoutes(app);
locationRoutes(app);
webhookRoutes(app);
