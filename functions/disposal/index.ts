import { handle } from '#shared/http/lambda-adapter.ts';
import { app } from './app.ts';
import { loadCursorSecret } from '#shared/http/secrets-loader.ts';

await loadCursorSecret();

export const handler = handle(app);
