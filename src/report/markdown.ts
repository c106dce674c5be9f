// Text from Azure (names, tags, error messages) is untrusted: it must render as text, never as
// HTML or markdown, and never break out of the line, list item or table cell it stands in. The raw
// markdown is read too (e-mail, `gh pr view`): only what could start markup is escaped.

/**
 * `<` starts every tag, so `>` alone is text; `&` is only escaped where it would start an entity,
 * and `>` only where it would start a block quote.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/<|&(?=#?\w+;)/g, c => (c === '<' ? '&lt;' : '&amp;'))
    .replace(/[\\`*_{}[\]|~!#]/g, c => `\\${c}`)
    .replace(/^(\s*)>/, '$1\\>')
}

/** Inline code for IDs: a backtick in the value would end the span, so such values are escaped instead. */
export function code(text: string): string {
  return /[`\r\n]/.test(text) ? escapeMarkdown(text) : `\`${text}\``
}

/** A table; `right` names the columns whose numbers align right. */
export function table(header: string[], rows: string[][], right: number[] = []): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`
  return [line(header), line(header.map((_, i) => (right.includes(i) ? '---:' : '---'))), ...rows.map(line)].join('\n')
}

/**
 * Lines for a fenced `sh` block. A line holding what could end the fence or read as markup in the
 * raw text is left out, said so in its place: a command is pasted as it stands, or not at all.
 */
export function shellBlock(lines: string[]): string {
  const safe = lines.map(line =>
    /[`<>&\r\n]/.test(line) ? '# (one command left out: its names hold characters unsafe to paste; see the JSON report)' : line
  )
  return ['```sh', ...safe, '```'].join('\n')
}

/**
 * Text kept exactly as written, line breaks and indentation included (YAML pastes as valid YAML): a
 * fence renders nothing inside it as markup, and is longer than any run of backticks in the text.
 */
export function textBlock(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map(run => run.length))
  const fence = '`'.repeat(Math.max(3, longest + 1))
  return `${fence}text\n${text.replace(/\r\n?/g, '\n')}\n${fence}`
}

/** A collapsed section: GitHub renders `<details>` closed until clicked; blank lines keep the markdown inside. */
export function details(summary: string, body: string, open = false): string {
  return `<details${open ? ' open' : ''}><summary>${summary}</summary>\n\n${body}\n\n</details>`
}
