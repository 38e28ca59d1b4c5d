import type { TemplateValue } from '../parse-yaml.js';
import type { ImplicitRoute, SamContext } from './context.js';
import { put, ref, sub, type TemplateRecord } from './template-values.js';

/**
 * The API definition SAM writes when the template gives none: one path and method per event that names the API,
 * each integrated with its function. What SAM adds for authorizers, CORS and models is left out: no check reads it.
 */
export function generatedBody(routes: readonly ImplicitRoute[], context: SamContext, kind: 'rest' | 'http'): TemplateRecord {
  const paths: TemplateRecord = {};
  for (const route of routes) {
    const path = context.literal(route.path) ?? (kind === 'http' && route.path === undefined ? '$default' : undefined);
    const verb = context.literal(route.method);
    if (path === undefined) continue;
    const method = verb === undefined ? (kind === 'http' ? 'x-amazon-apigateway-any-method' : undefined) : verb.toLowerCase() === 'any' ? 'x-amazon-apigateway-any-method' : verb.toLowerCase();
    if (method === undefined) continue;
    const item = Object.hasOwn(paths, path) ? paths[path] : undefined;
    const methods: TemplateRecord = typeof item === 'object' && item !== null && !Array.isArray(item) ? item : {};
    const integration: TemplateValue = {
      type: 'aws_proxy',
      httpMethod: 'POST',
      uri: sub(`arn:\${AWS::Partition}:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/\${${route.functionId}.Arn}/invocations`),
      ...(kind === 'http' ? { payloadFormatVersion: '2.0' } : {}),
    };
    put(methods, method, { 'x-amazon-apigateway-integration': integration, responses: {} });
    put(paths, path, methods);
  }
  const info = { version: '1.0', title: ref('AWS::StackName') };
  return kind === 'rest' ? { swagger: '2.0', info, paths } : { openapi: '3.0.1', info, paths };
}
