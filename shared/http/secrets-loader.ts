// Lambda cold start: fetch the cursor secret from Secrets Manager once, before the first request.
// The local server and tests never set CURSOR_SECRET_ARN (they use CURSOR_SECRET or setCursorSecret).
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { setCursorSecret } from '#shared/http/cursor.ts';
import { config } from '#shared/config.ts';

export async function loadCursorSecret(arn = config.cursorSecretArn): Promise<void> {
  if (!arn) return;
  const out = await new SecretsManagerClient({}).send(new GetSecretValueCommand({ SecretId: arn }));
  if (!out.SecretString) throw new Error(`The secret ${arn} holds no string`);
  setCursorSecret(out.SecretString);
}
