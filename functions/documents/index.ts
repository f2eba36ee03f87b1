import { handle } from '#shared/http/lambda-adapter.ts';
import { app } from './app.ts';

export const handler = handle(app);
