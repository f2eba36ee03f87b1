// Every function's app, by the name its folder and the route table use; the local server mounts them all.
import { app as disposalApp } from '#functions/disposal/app.ts';
import { app as documentsApp } from '#functions/documents/app.ts';
import { app as manifestsApp } from '#functions/manifests/app.ts';
import { app as oversightApp } from '#functions/oversight/app.ts';
import { app as publicApp } from '#functions/public/app.ts';
import { app as recordsApp } from '#functions/records/app.ts';
import { app as registryApp } from '#functions/registry/app.ts';
import type { FunctionApps } from './dispatch.ts';

export const functionApps: FunctionApps = {
  public: publicApp,
  registry: registryApp,
  records: recordsApp,
  manifests: manifestsApp,
  disposal: disposalApp,
  oversight: oversightApp,
  documents: documentsApp,
};
