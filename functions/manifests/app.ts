// The manifests function: the electronic transfer manifest's lifecycle and reads, and a party's inbox and feed.
import { createApp } from '#shared/http/create-app.ts';
import { incidentRoutes } from './incident-routes.ts';
import { lifecycleRoutes } from './lifecycle-routes.ts';
import { readRoutes } from './read-routes.ts';
import { recordRoutes } from './record-routes.ts';

export const app = createApp();
readRoutes(app);
lifecycleRoutes(app);
recordRoutes(app);
incidentRoutes(app);
