// DynamoDB Local grants everything; AWS refuses a command the sending function's role does not grant. The test API
// (tests/support/api.ts) makes its client refuse it the same way, so each test that drives a route through the local
// dispatcher (which marks the function serving it, as API Gateway routes it) also checks that function's grants
// against infra/function-specs.ts.
import { db } from '#shared/store/client.ts';
import { grantedActions, specOf } from '../../infra/function-specs.ts';
import { iamActionsOf } from '../../infra/iam-actions.ts';
import { servingFunction } from '../../local/dispatch.ts';
import { first } from './present.ts';

const indexGrant = (index: string) => `dynamodb:Query on index ${index}`;
const grantsOf = (name: string) => [...grantedActions(specOf(name)), ...(specOf(name).indexes ?? []).map(indexGrant)];

/** What IAM checks for one command: its action (a transaction's: those of its items), and the index it queries. */
function needs(commandName: string, input: { TransactItems?: object[]; IndexName?: string }): string[] {
  const items = (input.TransactItems ?? []).map((item) => first(Object.keys(item), 'transaction item kind'));
  const actions = iamActionsOf(`dynamodb:${commandName.replace(/Command$/, '')}`, items);
  return input.IndexName ? [...actions, indexGrant(input.IndexName)] : actions;
}

export function emulateIam(): void {
  db().middlewareStack.add(
    (next, context) => async (args) => {
      const name = servingFunction.getStore();
      const denied = name
        ? needs(context.commandName ?? '', args.input as never).filter((n) => !grantsOf(name).includes(n))
        : [];
      if (denied.length) {
        const message = `AccessDenied: function ${name} is not granted ${denied.join(', ')} (infra/function-specs.ts)`;
        console.error(message);
        throw Object.assign(new Error(message), { name: 'AccessDeniedException' });
      }
      return next(args);
    },
    { step: 'initialize', name: 'iamEmulation' },
  );
}
