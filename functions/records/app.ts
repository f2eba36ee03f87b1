// The records function: management plans, the ledger and stock, cross-province approvals.
import { createApp } from '#shared/http/create-app.ts';
import { approvalRoutes } from './approval-routes.ts';
import { ledgerRoutes } from './ledger-routes.ts';
import { planRoutes } from './plan-routes.ts';

export const app = createApp();
planRoutes(app);
ledgerRoutes(app);
approvalRoutes(app);
