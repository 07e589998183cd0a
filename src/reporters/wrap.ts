/** Words into lines of at most `room` characters (a longer word gets a line of its own). */
export function wrap(text: string, room: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > room) {
      lines.push(line)
      line = word
    } else {
      line = line ? `${line} ${word}` : word
    }
  }

  lines.push(line)
  return lines
}

/**
 * `text` as one line for a terminal: line breaks and other control
 * characters (a file name holding a newline or an escape sequence, the
 * snippet a JSON error quotes from a broken file) are written as escapes,
 * so every message stays the one line it is meant to be and nothing a file
 * holds can drive the terminal.
 */
export function oneLine(text: string): string {
  return text.replaceAll(/[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u2028\u2029]/g, (character) =>
    character === '\n' ? '\\n' : character === '\r' ? '\\r' : `\\u${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`
  )
}
