import type { InlineSuppression, ResourceOrigin } from '../../resource.js';
import type { PropRecord } from '../../values.js';

/** One Terraform resource instance as the plan, state or configuration readers see it, before mapping. */
export interface TerraformResource {
  /** Full address: `module.net.aws_security_group.web`, `aws_s3_bucket.logs[0]`, `aws_s3_bucket.b["x"]`. */
  address: string;
  type: string;
  /** The module part of the address (`module.net` or empty for the root module). */
  modulePath: string;
  /** The instance key (count index or for_each key) when the resource has several. */
  index?: string | number;
  /** Attribute values in Terraform's shape (snake_case, nested blocks as lists of objects). */
  values: PropRecord;
  origin: ResourceOrigin;
  /** The root folder (configuration) or the plan or state file: addresses are unique, and resolve, only within it. */
  scope: string;
  /** Plans only: the resources each attribute's configuration expression refers to (`aws_s3_bucket.b.id`). */
  references?: Record<string, string[]>;
  /** Plans and configuration: the attributes the configuration sets (others are provider defaults). */
  configured?: ConfiguredAttributes;
  /** Configuration only: line of each top-level attribute or block within the resource. */
  attributeLines?: Record<string, number>;
  /** Configuration only: true when the values come from .tf text, so schema defaults are not in them. */
  fromConfiguration?: boolean;
  /** Configuration only: suppressions written as comments above or inside the block (`# demarc:ignore`). */
  suppressions?: InlineSuppression[];
}

/** The address of an instance: `type.name`, `type.name[0]`, `type.name["key"]`. */
export function instanceAddress(base: string, index: string | number | undefined): string {
  if (index === undefined) return base;
  return typeof index === 'number' ? `${base}[${index}]` : `${base}[${JSON.stringify(index)}]`;
}

/** Which attributes a resource's configuration sets. */
export interface ConfiguredAttributes {
  has(attribute: string): boolean;
}
