// SDK credential providers a Lambda never reaches (~110 KB with the SSO and STS clients they bring): Lambda puts the
// role's credentials in the environment, which the default chain reads first. Were the chain ever to get here, each
// answers "not found here" (tryNextLink) like a real one without its source, and the chain moves on to the container
// and instance metadata providers, which stay bundled.
const notHere = (source: string) => () => async (): Promise<never> => {
  throw Object.assign(new Error(`${source} credentials are left out of the Lambda bundles (infra/bundling.ts)`), {
    tryNextLink: true,
  });
};

export const fromSSO = notHere('SSO');
export const fromIni = notHere('Shared config file');
export const fromProcess = notHere('credential_process');
export const fromTokenFile = notHere('Web identity token file');
