import { createApp } from '#shared/http/create-app.ts';

export const app = createApp();
