import { handle } from 'hono/aws-lambda';
import { app } from './app.ts';
import { loadCursorSecret } from '#shared/http/secrets-loader.ts';

await loadCursorSecret();

export const handler = handle(app);
