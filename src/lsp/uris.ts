/** Document URIs: light helpers the protocol thread uses without loading the engine. */
import {fileURLToPath} from 'node:url'

export function pathOf(uri: string): string | undefined {
  return uri.startsWith('file:') ? fileURLToPath(uri) : undefined
}

export function isConfigFile(uri: string): boolean {
  return /(^|\/)(\.mtlintrc\.json|package\.json)$/.test(uri)
}
