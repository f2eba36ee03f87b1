// The database's own floor under a read route: the commands one request sent, replayed as sent, wave by wave. They
// only read, so the replay reads the very items the route read; what the API adds is all that differs.
import { BatchGetCommand, GetCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { SentCommand } from './recorder.ts';

const READS: Record<string, new (input: never) => GetCommand | QueryCommand | BatchGetCommand> = {
  GetItemCommand: GetCommand,
  QueryCommand,
  BatchGetItemCommand: BatchGetCommand,
};

export async function replayReads(client: DynamoDBDocumentClient, waves: SentCommand[][]): Promise<void> {
  for (const wave of waves) {
    await Promise.all(
      wave.map(({ name, input }) => {
        const Command = READS[name];
        if (!Command) throw new Error(`${name} is not a read: a read route's floor replays reads only`);
        return client.send(new Command(input as never) as never);
      }),
    );
  }
}
