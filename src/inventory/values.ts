/**
 * Property values of inventory resources. Sources turn their input into this tree, always in the
 * CloudFormation shape of the resource type, so that checks are written once.
 */

/** A value no source could resolve: an unresolved parameter, a value known only after apply, a denied call. */
export class Unknown {
  constructor(
    readonly reason: string,
    /** The text with the unresolved parts written as `${...}`, where the value was a string built from parts. */
    readonly template?: string,
  ) {}

  toJSON(): { $unknown: string; template?: string } {
    return this.template === undefined ? { $unknown: this.reason } : { $unknown: this.reason, template: this.template };
  }
}

/** A reference to another resource of the same inventory (CloudFormation `Ref`/`GetAtt`, a Terraform reference). */
export class Reference {
  constructor(
    /** The id of the referenced resource in the inventory (logical id or address). */
    readonly target: string,
    /** The attribute read from it (`Arn`, `Id` ...); absent for a plain `Ref`. */
    readonly attribute?: string,
  ) {}

  toJSON(): { $ref: string; attribute?: string } {
    return this.attribute === undefined ? { $ref: this.target } : { $ref: this.target, attribute: this.attribute };
  }
}

/** A value removed because it may hold a secret; checks learn only whether it looked like one. */
export class Redacted {
  constructor(readonly secretLike: boolean) {}

  toJSON(): { $redacted: true; secretLike: boolean } {
    return { $redacted: true, secretLike: this.secretLike };
  }
}

export type PropScalar = string | number | boolean | null;
export type PropValue = PropScalar | Unknown | Reference | Redacted | PropValue[] | PropRecord;
export interface PropRecord {
  [key: string]: PropValue;
}

export function isUnknown(value: unknown): value is Unknown {
  return value instanceof Unknown;
}

export function isReference(value: unknown): value is Reference {
  return value instanceof Reference;
}

export function isRedacted(value: unknown): value is Redacted {
  return value instanceof Redacted;
}

export function isRecord(value: PropValue | undefined): value is PropRecord {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Unknown) &&
    !(value instanceof Reference) &&
    !(value instanceof Redacted)
  );
}

/** Turns plain JSON (already free of intrinsics) into a property tree. */
export function fromJson(value: unknown): PropValue {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map(fromJson);
  if (typeof value === 'object') {
    const record: PropRecord = {};
    for (const [key, item] of Object.entries(value)) {
      if (item !== undefined) record[key] = fromJson(item);
    }
    return record;
  }
  return new Unknown(`unsupported value of type ${typeof value}`);
}
