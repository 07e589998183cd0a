/** ANSI styling for terminals; off when NO_COLOR is set or the stream is not a TTY (FORCE_COLOR forces it on). */
export interface Styles {
  bold: (text: string) => string
  dim: (text: string) => string
  red: (text: string) => string
  yellow: (text: string) => string
  green: (text: string) => string
  blue: (text: string) => string
}

export function stylesFor(stream: {isTTY?: boolean}): Styles {
  const env = process.env
  const enabled = env['FORCE_COLOR'] ? env['FORCE_COLOR'] !== '0' : !env['NO_COLOR'] && Boolean(stream.isTTY)
  const wrap = (open: number, close: number) => (text: string) => (enabled ? `\u001B[${open}m${text}\u001B[${close}m` : text)
  return {
    bold: wrap(1, 22),
    dim: wrap(2, 22),
    red: wrap(31, 39),
    yellow: wrap(33, 39),
    green: wrap(32, 39),
    blue: wrap(34, 39)
  }
}
