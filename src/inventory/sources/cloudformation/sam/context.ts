import type { TemplateValue } from '../parse-yaml.js';
import type { Origin, SamOutput } from './output.js';
import type { SamProperties } from './properties.js';
import type { TemplateRecord } from './template-values.js';

/** One `AWS::Serverless::*` resource being expanded. */
export interface SamResource {
  id: string;
  type: string;
  line?: number;
  definition: TemplateRecord;
  /** Its properties, with `Globals` merged in. */
  props: SamProperties;
  origin: Origin;
}

/** A route an `Api` or `HttpApi` event adds to an API. */
export interface ImplicitRoute {
  path: TemplateValue | undefined;
  method: TemplateValue | undefined;
  line?: number;
  functionId: string;
}

/** What the expanders share. */
export interface SamContext {
  output: SamOutput;
  /** A value as text, when it is text or a `!Ref` to a parameter with a text default (SAM resolves those for names). */
  literal(value: TemplateValue | undefined): string | undefined;
  /** The definition of a resource as the template writes it. */
  definitionOf(id: string): TemplateValue | undefined;
  /** The `Globals` section of one kind (`Function`, `Api` ...). */
  globals(kind: string): TemplateRecord | undefined;
  /** The routes functions' events add to each API, by the API's id (`ServerlessRestApi`, `ServerlessHttpApi` when implicit). */
  routes: Map<string, ImplicitRoute[]>;
}
