/** Pick the reader for a segment file by its extension. */
import {extname} from 'node:path'
import {readJsonl} from './read-jsonl.js'
import {readTmx} from './read-tmx.js'
import {readTsv} from './read-tsv.js'
import {readXliff} from './read-xliff.js'
import {AlignError, type AlignedFile} from './segment.js'

const readers: Record<string, (text: string, path: string) => AlignedFile> = {
  '.tsv': readTsv,
  '.jsonl': readJsonl,
  '.xlf': readXliff,
  '.xliff': readXliff,
  '.tmx': readTmx
}

export const segmentFileExtensions = Object.keys(readers)

export function readSegmentFile(text: string, path: string): AlignedFile {
  const reader = readers[extname(path).toLowerCase()]
  if (!reader) throw new AlignError(`${path}: unknown segment file type, expected ${segmentFileExtensions.join(', ')}`)
  return reader(text, path)
}
