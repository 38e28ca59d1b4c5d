import { Unknown, type PropRecord } from '../../../values.js';
import { ABSENT, defineCollector, listing } from '../collector.js';
import { AwsCallError } from '../errors.js';
import { policyDocument, props } from '../props.js';
import { isRecord } from '../../../values.js';

const FUNCTION = 'AWS::Lambda::Function';
const PERMISSION = 'AWS::Lambda::Permission';
const URL = 'AWS::Lambda::Url';

/** A resource-policy statement in the shape of `AWS::Lambda::Permission`. */
export function permissionFromStatement(functionName: string, statement: PropRecord): PropRecord {
  const principal = statement['Principal'];
  const principalText = typeof principal === 'string' ? principal : isRecord(principal) ? (principal['Service'] ?? principal['AWS'] ?? null) : null;
  const condition = isRecord(statement['Condition']) ? statement['Condition'] : {};
  const pick = (operator: string, key: string): PropRecord[string] | undefined => {
    const block = condition[operator];
    return isRecord(block) ? block[key] : undefined;
  };
  return props({
    FunctionName: functionName,
    Action: statement['Action'],
    Effect: statement['Effect'],
    Principal: principalText,
    SourceArn: pick('ArnLike', 'AWS:SourceArn') ?? pick('ArnEquals', 'AWS:SourceArn'),
    SourceAccount: pick('StringEquals', 'AWS:SourceAccount'),
    PrincipalOrgID: pick('StringEquals', 'aws:PrincipalOrgID'),
    FunctionUrlAuthType: pick('StringEquals', 'lambda:FunctionUrlAuthType'),
  });
}

export default defineCollector({
  service: 'lambda',
  global: false,
  resourceTypes: [FUNCTION, PERMISSION, URL],
  calls: ['lambda:ListFunctions', 'lambda:GetPolicy', 'lambda:ListFunctionUrlConfigs'],
  async collect(ctx) {
    const sdk = await import('@aws-sdk/client-lambda');
    const lambda = ctx.client(sdk.LambdaClient);
    await listing(ctx, [FUNCTION, PERMISSION, URL], async () => {
      const functions: Array<{ arn: string; name: string }> = [];
      for await (const page of ctx.pages(lambda, 'lambda:ListFunctions', (Marker) => new sdk.ListFunctionsCommand({ Marker, MaxItems: 50 }), (page) => page.NextMarker)) {
        for (const fn of page.Functions ?? []) {
          if (!fn.FunctionArn || !fn.FunctionName) continue;
          functions.push({ arn: fn.FunctionArn, name: fn.FunctionName });
          if (!ctx.wants(FUNCTION)) continue;
          ctx.emit({
            type: FUNCTION,
            id: fn.FunctionArn,
            arn: fn.FunctionArn,
            name: fn.FunctionName,
            properties: props({
              FunctionName: fn.FunctionName,
              Runtime: fn.Runtime,
              Role: fn.Role,
              Handler: fn.Handler,
              PackageType: fn.PackageType,
              Architectures: fn.Architectures,
              // Redacted before the inventory leaves the source (see redact.ts).
              Environment: fn.Environment?.Variables ? { Variables: fn.Environment.Variables } : undefined,
              KmsKeyArn: fn.KMSKeyArn,
              TracingConfig: fn.TracingConfig?.Mode ? { Mode: fn.TracingConfig.Mode } : undefined,
              VpcConfig: fn.VpcConfig?.VpcId ? { SubnetIds: fn.VpcConfig.SubnetIds, SecurityGroupIds: fn.VpcConfig.SecurityGroupIds } : undefined,
              DeadLetterConfig: fn.DeadLetterConfig?.TargetArn ? { TargetArn: fn.DeadLetterConfig.TargetArn } : undefined,
              Layers: (fn.Layers ?? []).map((layer) => layer.Arn),
              LastModified: fn.LastModified,
            }),
          });
        }
      }
      if (!ctx.wants(PERMISSION) && !ctx.wants(URL)) return;
      await ctx.each(functions, async (fn) => {
        if (ctx.wants(PERMISSION)) {
          // No resource policy at all (ResourceNotFoundException) is the usual case, and a fine one. A policy that
          // could not be read is a narrow gap for this function, and stands in the inventory as one permission whose
          // grant is Unknown, so that the check says unknown for this function (and only for it).
          const answer = await ctx.detail(lambda, 'lambda:GetPolicy', new sdk.GetPolicyCommand({ FunctionName: fn.arn }), fn.arn, ['ResourceNotFoundException']);
          if (answer instanceof Unknown) {
            ctx.emit({ type: PERMISSION, id: `${fn.arn}/permission/*`, name: `${fn.name}/(policy not read)`, properties: { FunctionName: fn.name, Principal: answer, FunctionUrlAuthType: answer } });
          } else if (answer !== ABSENT) {
            const document = policyDocument(answer.Policy);
            const statements = isRecord(document) && Array.isArray(document['Statement']) ? document['Statement'] : [];
            statements.forEach((statement, index) => {
              if (!isRecord(statement)) return;
              const sid = typeof statement['Sid'] === 'string' ? statement['Sid'] : String(index);
              ctx.emit({ type: PERMISSION, id: `${fn.arn}/permission/${sid}`, name: `${fn.name}/${sid}`, properties: permissionFromStatement(fn.name, statement) });
            });
          }
        }
        if (ctx.wants(URL)) {
          try {
            for await (const page of ctx.pages(lambda, 'lambda:ListFunctionUrlConfigs', (Marker) => new sdk.ListFunctionUrlConfigsCommand({ FunctionName: fn.arn, Marker }), (page) => page.NextMarker)) {
              for (const config of page.FunctionUrlConfigs ?? []) {
                ctx.emit({ type: URL, id: `${config.FunctionArn ?? fn.arn}/url`, name: fn.name, properties: props({ TargetFunctionArn: config.FunctionArn ?? fn.arn, AuthType: config.AuthType, Cors: config.Cors, InvokeMode: config.InvokeMode }) });
              }
            }
          } catch (error) {
            if (!(error instanceof AwsCallError)) throw error;
            // A narrow gap for this function; its URL, if it has one, stands in the inventory with an Unknown AuthType.
            ctx.gap([], error, error.action, fn.arn);
            const unread = new Unknown(`${error.action}: ${error.message}`);
            ctx.emit({ type: URL, id: `${fn.arn}/url/*`, name: `${fn.name} (URL configuration not read)`, properties: { TargetFunctionArn: fn.arn, AuthType: unread } });
          }
        }
      });
    });
  },
});

