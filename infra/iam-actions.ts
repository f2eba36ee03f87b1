// What IAM authorises for one DynamoDB operation: shared by the static analysis of each bundle (table-access.ts)
// and the tests' emulation of AWS's AccessDenied (tests/support/iam-emulation.ts).
import { must } from '../shared/must.ts';

/** A transaction is authorised item by item (AWS: "Using IAM with DynamoDB transactions"); it is no action itself. */
const TRANSACTION_ITEM_ACTIONS: Record<string, string> = {
  Put: 'dynamodb:PutItem',
  Update: 'dynamodb:UpdateItem',
  Delete: 'dynamodb:DeleteItem',
  ConditionCheck: 'dynamodb:ConditionCheckItem',
};
const TRANSACTIONS: Record<string, string[]> = {
  'dynamodb:TransactWriteItems': [],
  'dynamodb:TransactGetItems': ['dynamodb:GetItem'],
};

/** The IAM actions one operation needs, given the kinds of items a transaction carries. */
export function iamActionsOf(action: string, transactionItems: string[] = []): string[] {
  const transaction = TRANSACTIONS[action];
  if (!transaction) return [action];
  return [
    ...transaction,
    ...transactionItems.map((kind) =>
      must(TRANSACTION_ITEM_ACTIONS[kind], `an IAM action for a transaction's ${kind} item`),
    ),
  ];
}
