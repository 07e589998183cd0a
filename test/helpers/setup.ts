// Tests call lintText on Markdown and HTML directly: load the parsers the CLI loads on demand.
import '../../src/engine/parse-markup.js'
