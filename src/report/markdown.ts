// Text from Azure (names, tags, error messages) is untrusted: it must render as text, never as
// HTML or markdown, and never break out of the line, list item or table cell it stands in.

const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }

export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/[&<>"]/g, c => HTML[c])
    .replace(/[\\`*_{}[\]|~!#]/g, c => `\\${c}`)
}

/** Inline code for IDs: a backtick in the value would end the span, so such values are escaped instead. */
export function code(text: string): string {
  return /[`\r\n]/.test(text) ? escapeMarkdown(text) : `\`${text}\``
}

export function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n')
}
