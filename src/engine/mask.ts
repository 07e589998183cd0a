/**
 * The prose view's mask: parse.ts puts it in place of every character that is
 * not prose (markup, code, URLs), parse-markup.ts in place of a character
 * reference's tail, and the tokenizer and rules read it as "not a word". A
 * module of its own, so that parse-markup.ts, which parse.ts loads on demand,
 * need not import parse.ts back.
 */
export const maskCharacter = '\uFFFC'
