import type { SamContext, SamResource } from './context.js';
import { isPlainRecord, own, tagList } from './template-values.js';

const ATTRIBUTE_TYPES: Readonly<Record<string, string>> = { String: 'S', Number: 'N', Binary: 'B' };

/**
 * `AWS::Serverless::SimpleTable`: a table keyed by `PrimaryKey` (default `id`, a string), billed per request unless
 * `ProvisionedThroughput` is given. SAM offers no point-in-time recovery or deletion protection for it.
 */
export function expandSimpleTable(resource: SamResource, context: SamContext): void {
  const { id, props, origin, line } = resource;
  const { output } = context;
  const key = props.get('PrimaryKey');
  const name = isPlainRecord(key?.value) ? own(key.value, 'Name') : undefined;
  const rawType = isPlainRecord(key?.value) ? own(key.value, 'Type') : undefined;
  const literalType = context.literal(rawType);
  const attributeType = rawType === undefined ? 'S' : literalType !== undefined && Object.hasOwn(ATTRIBUTE_TYPES, literalType) ? ATTRIBUTE_TYPES[literalType] : rawType;
  const keyLine = key?.line ?? line;
  const throughput = props.get('ProvisionedThroughput');
  const tags = props.get('Tags');
  const sse = props.get('SSESpecification');
  const tableName = props.get('TableName');
  output.add(id, 'AWS::DynamoDB::Table', output.record([
    ['TableName', tableName?.value, tableName?.line],
    ['AttributeDefinitions', [{ AttributeName: name ?? 'id', AttributeType: attributeType ?? 'S' }], keyLine],
    ['KeySchema', [{ AttributeName: name ?? 'id', KeyType: 'HASH' }], keyLine],
    throughput === undefined ? ['BillingMode', 'PAY_PER_REQUEST', line] : ['ProvisionedThroughput', throughput.value, throughput.line],
    ['SSESpecification', sse?.value, sse?.line],
    ['Tags', tags === undefined ? undefined : tagList(tags.value), tags?.line],
  ], line), origin);
}
