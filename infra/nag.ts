// cdk-nag findings accepted on purpose. cdk-nag 3 reads CDK's own acknowledgements (its NagSuppressions API is
// gone); each one is made beside the construct it concerns and must say why.
import { Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

export function acknowledge(construct: IConstruct, ruleId: string, reason: string): void {
  Validations.of(construct).acknowledge({ id: ruleId, reason });
}
