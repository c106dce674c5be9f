// The one way an input is echoed in a refusal: a value of any size or content must neither flood
// the log nor hide or reorder what it says there.

/** How many characters of a value a refusal shows. */
const MAX_SHOWN = 200

// Controls (C0, DEL, C1), format characters (bidi overrides and isolates, zero-width characters,
// the BOM, soft hyphen), line and paragraph separators, and lone surrogates.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu

/** `\uXXXX` for one UTF-16 code unit, as a reader would type it back. */
const escape = (char: string): string => `\\u${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`

/** Whether a value holds a character that quote() shows escaped: no input needs one. */
export function hasInvisible(value: string): boolean {
  return new RegExp(INVISIBLE.source, 'u').test(value)
}

/**
 * A value in single quotes for a refusal: at most 200 characters of it, then an ellipsis and its
 * length; control, bidi and zero-width characters shown escaped (`\u202E`).
 */
export function quote(value: string): string {
  const chars = [...value]
  const shown = chars.slice(0, MAX_SHOWN).join('').replace(INVISIBLE, escape)
  return chars.length > MAX_SHOWN ? `'${shown}…' (${chars.length} characters)` : `'${shown}'`
}
