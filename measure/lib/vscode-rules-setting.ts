/**
 * The VS Code extension's `mtlint.rules` setting, written into
 * editors/vscode/package.json by `npm run docs` from the editor schema of
 * schemas/config.schema.json: every rule id with its description and its own
 * options, so that the settings editor completes ids and checks options as a
 * project's .mtlintrc.json does. VS Code reads a setting's schema without its
 * `definitions`, so each `$ref` is written out in place. An id the manifest
 * does not know (an mtlint newer than the extension, at mtlint.path) still
 * takes the generic shape: the server checks it and warns once.
 */
type Json = null | boolean | number | string | Json[] | {[key: string]: Json}

const description =
  'Rule overrides in the shape of .mtlintrc.json\'s `rules` ("off", a severity, or [severity, options]; see `mtlint rules`). Weights and the gate stay the project\'s, so the score shown is the one `mtlint gate` gives.'

export function vscodeRulesSetting(editorSchema: Record<string, unknown>): Json {
  const definitions = editorSchema['definitions'] as Record<string, Json>
  const rules = editorSchema['properties'] as {rules: {properties: Json}}
  const inline = (value: Json): Json => {
    if (Array.isArray(value)) return value.map(inline)
    if (value === null || typeof value !== 'object') return value
    const {$ref, ...rest} = value
    const local = typeof $ref === 'string' ? /^#\/definitions\/([^/]+)$/.exec($ref)?.[1] : undefined
    if (typeof $ref === 'string' && (local === undefined || !Object.hasOwn(definitions, local))) throw new Error(`Unexpected $ref \`${$ref}\`, expected #/definitions/NAME of the editor schema`)
    const resolved = local === undefined ? {} : (inline(definitions[local]!) as {[key: string]: Json})
    return {...resolved, ...Object.fromEntries(Object.entries(rest).map(([key, item]) => [key, inline(item)]))}
  }

  return {
    type: 'object',
    default: {},
    description,
    properties: inline(rules.rules.properties),
    additionalProperties: inline(definitions['ruleSetting']!)
  }
}

/** The manifest's text with its `mtlint.rules` setting made from the editor schema, the rest as it was. */
export function manifestWithRulesSetting(manifestText: string, editorSchema: Record<string, unknown>): string {
  const manifest = JSON.parse(manifestText) as {contributes: {configuration: {properties: Record<string, Json>}}}
  manifest.contributes.configuration.properties['mtlint.rules'] = vscodeRulesSetting(editorSchema)
  return JSON.stringify(manifest, null, 2) + '\n'
}
