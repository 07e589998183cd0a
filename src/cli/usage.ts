export const usage = `Usage: mtlint <command> [options]

Commands:
  lint [paths|globs|-]     Lint files, folders (.txt, .md), globs or stdin (-)
  compare --source SRC --target TGT
                           Check a translation against its source, aligned by line or paragraph
  compare FILE             Check the pairs of a .tsv, .jsonl, .xlf/.xliff (1.2, 2.0) or .tmx file
  compare --original ORIG DERIVED
                           Check a derived English article against its original
  report [paths] --out DIR Write per-file JSON reports and a Markdown summary to DIR
  rules                    List the rules with their category and default severity
  lsp                      Start the language server on stdio

Options:
  --format pretty|json     Output format (default: pretty on a terminal, json otherwise)
  --config FILE            Use this configuration instead of the nearest .mtlintrc.json
  --fail-on SEVERITY|off   Lowest severity that fails (info, minor, major, critical; default major)
  --min-score N            Lowest passing score, 0-100 (default 0)
  --max-bytes N            Refuse inputs larger than N bytes (default 10 MiB)
  --stdin-filename NAME    Name (and config lookup path) for text read from stdin
  --source-lang LANG       With \`compare\`: the source language (default: the file's, or guessed from its script)
  --out DIR                Folder for \`report\` (default reports/)
  --html                   With \`report\`: also an HTML page per file and index.html
  -h, --help               Show this help
  -v, --version            Show the version

Exit codes: 0 pass, 1 a file failed the policy, 2 usage, configuration or input error.
`
