// npm run render -- <scenario> [input=value …]
//
// Runs the bundled action against an emulator scenario, renders its job summary and its
// pull-request comment as GitHub does (cmark-gfm with GitHub's extensions, alerts, GitHub's
// markdown CSS), screenshots both with headless Chromium into docs/screenshots/, and prints each
// page's height at 1,000 px width with every <details> closed, as a reviewer first sees it.
// Build first (npm run build): it runs dist/index.js.

import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import { Emulator } from '../harness/emulator-process.ts'
import { runAction } from '../harness/runner.ts'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const OUT = join(ROOT, 'docs', 'screenshots')
const WIDTH = 1000

/** What GitHub enables: tables, strikethrough, autolinks, task lists, and the tag filter over raw HTML it allows (details, sub, br). */
function toHtml(markdown: string): string {
  const extensions = ['table', 'strikethrough', 'autolink', 'tagfilter', 'tasklist'].flatMap(e => ['--extension', e])
  return execFileSync('/usr/bin/cmark-gfm', [...extensions, '--unsafe'], { input: markdown, encoding: 'utf8' })
}

const ALERT_ICONS: Record<string, string> = { NOTE: 'ℹ️', TIP: '💡', IMPORTANT: '❗', WARNING: '⚠️', CAUTION: '🛑' }

/** GitHub turns a block quote opening with [!KIND] into an alert; cmark-gfm leaves it a quote. */
function alerts(html: string): string {
  return html.replace(
    /<blockquote>\n<p>\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]\n?([\s\S]*?)<\/blockquote>/g,
    (_, kind: string, rest: string) => {
      const title = kind[0] + kind.slice(1).toLowerCase()
      return `<div class="markdown-alert markdown-alert-${kind.toLowerCase()}"><p class="markdown-alert-title">${ALERT_ICONS[kind]} ${title}</p><p>${rest}</div>`
    }
  )
}

/** GitHub marks task lists with classes its CSS styles (no bullet); cmark-gfm gives bare checkboxes. */
function taskLists(html: string): string {
  return html
    .replace(/<li><input type="checkbox"/g, '<li class="task-list-item"><input class="task-list-item-checkbox" type="checkbox"')
    .replace(/<ul>\n(?=<li class="task-list-item">)/g, '<ul class="contains-task-list">\n')
}

function page(body: string, comment: boolean): string {
  const css = readFileSync(join(ROOT, 'node_modules', 'github-markdown-css', 'github-markdown-light.css'), 'utf8')
  const markdown = `<article class="markdown-body">${taskLists(alerts(toHtml(body)))}</article>`
  // A comment sits in GitHub's timeline box under a header; the summary fills the page.
  const content = comment
    ? `<div class="comment"><div class="header"><b>github-actions</b> <span>bot commented</span></div><div class="inner">${markdown}</div></div>`
    : `<div class="summary">${markdown}</div>`
  return `<!doctype html><html><head><meta charset="utf-8"><style>${css}
body { margin: 0; background: #fff; font-family: -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif, "Noto Color Emoji"; }
.summary { padding: 24px 32px; }
.comment { margin: 16px; border: 1px solid #d1d9e0; border-radius: 6px; }
.comment .header { background: #f6f8fa; border-bottom: 1px solid #d1d9e0; padding: 8px 16px; font-size: 14px; color: #59636e; }
.comment .inner { padding: 16px; }
</style></head><body>${content}</body></html>`
}

async function main(): Promise<void> {
  const [scenario, ...rest] = process.argv.slice(2)
  if (!scenario) throw new Error('usage: npm run render -- <scenario> [input=value …]')
  const extra = Object.fromEntries(rest.map(arg => [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]))
  const emulator = await Emulator.start(scenario)
  let summary: string
  let comment: string
  try {
    const run = await runAction(emulator, {
      inputs: extra,
      env: {
        GITHUB_RUN_ID: '7301942215',
        GITHUB_ACTOR: 'platform-reviewer',
        GITHUB_SHA: '3f9c2d1e8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e'
      }
    })
    summary = run.summary
    comment = (await emulator.state()).comments.at(-1)?.body ?? ''
    console.log(`${scenario}: result ${run.outputs.result}, exit ${run.exitCode}`)
  } finally {
    await emulator.stop()
  }
  mkdirSync(OUT, { recursive: true })
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync'
    ]
  })
  try {
    const name = [scenario, ...rest.map(arg => arg.replace(/[^A-Za-z0-9]+/g, '-'))].join('-')
    for (const [kind, markdown] of [
      ['summary', summary],
      ['comment', comment]
    ] as const) {
      if (!markdown) {
        console.log(`${kind}: none`)
        continue
      }
      const file = join(OUT, `${name}-${kind}`)
      const tab = await browser.newPage({ viewport: { width: WIDTH, height: 100 } })
      await tab.setContent(page(markdown, kind === 'comment'))
      const height = await tab.evaluate(() => document.documentElement.scrollHeight)
      await tab.screenshot({ path: `${file}.png`, fullPage: true })
      console.log(`${kind}: ${height} px at ${WIDTH} px wide, nothing expanded -> ${file}.png`)
      await tab.close()
    }
  } finally {
    await browser.close()
  }
}

await main()
