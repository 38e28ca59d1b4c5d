import { json, type Convert } from './dsl.js';

/** A policy document: JSON text (plans, state, `jsonencode`) or an object with unresolved parts (configuration). */
export const policyDocument: Convert = (value, attributes) => json(value, attributes);
