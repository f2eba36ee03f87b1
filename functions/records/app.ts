// The records function: management plans, the ledger and stock, declarations, cross-province approvals and applications.
import { createApp } from '#shared/http/create-app.ts';
import { applicationRoutes } from './application-routes.ts';
import { approvalRoutes } from './approval-routes.ts';
import { declarationRoutes } from './declaration-routes.ts';
import { ledgerRoutes } from './ledger-routes.ts';
import { planRoutes } from './plan-routes.ts';

export const app = createApp();
planRoutes(app);
ledgerRoutes(app);
declarationRoutes(app);
approvalRoutes(app);
applicationRoutes(app);
