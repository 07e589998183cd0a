/**
 * Placeholder for the precompiled configuration validators. `npm run build`
 * replaces the compiled copy of this module (dist/src/engine/config-validators.js)
 * with ajv standalone code generated from the same schemas (tools/compile-validators.ts),
 * so the CLI never compiles a schema at start-up; without that step the
 * validators are compiled with ajv when first needed.
 */
import type {ValidateFunction} from 'ajv'

/** `config` for the configuration's shape, `rule:<id>` for each rule's options. */
export const precompiled: Record<string, ValidateFunction> | undefined = undefined
