import type { Json } from '../../openapi/types.js';
import type { Change, ChangeSide, DiffReport, RuleDef } from '../model.js';
import { affectsNote, groupChanges, listCollapsed, oneLine, reportTitle, sourceLine, summaryLine, usesText, whereUnder, type ChangeGroup, type RenderOptions } from './common.js';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for element content and quoted attributes; control characters become visible escapes first. */
export const escapeHtml = (text: string) => oneLine(text).replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]);

// Inline so the file is self-contained: no fonts, scripts or stylesheets to fetch.
const STYLE = `
:root{color-scheme:light dark;--fg:#1f2328;--bg:#fff;--muted:#59636e;--line:#d1d9e0;--breaking:#cf222e;--warning:#9a6700;--info:#0969da;--accepted:#1a7f37}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--bg:#0d1117;--muted:#9198a1;--line:#3d444d;--breaking:#ff7b72;--warning:#d29922;--info:#58a6ff;--accepted:#3fb950}}
body{font:14px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--fg);background:var(--bg);margin:2rem auto;max-width:75rem;padding:0 1rem}
h1{font-size:1.5rem;margin:0 0 .5rem}h2 code{font-size:inherit}h2{font-size:1.1rem;margin:2rem 0 .5rem;border-bottom:1px solid var(--line);padding-bottom:.25rem}
code,pre{font:12px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
pre{white-space:pre-wrap;word-break:break-all;margin:.25rem 0;padding:.5rem;border:1px solid var(--line);border-radius:4px}
table{border-collapse:collapse;width:100%;table-layout:fixed}col.level{width:7.5rem}col.rule{width:17rem}col.fp{width:10.5rem}td{overflow-wrap:anywhere}th,td{text-align:left;vertical-align:top;padding:.35rem .5rem;border-bottom:1px solid var(--line)}
th{color:var(--muted);font-weight:600}.meta{color:var(--muted)}.summary{font-weight:600;font-size:1.05rem}
.level{font-weight:700;white-space:nowrap}.breaking .level{color:var(--breaking)}.warning .level{color:var(--warning)}.info .level{color:var(--info)}
tr.accepted td{opacity:.7}.accepted-note,.badge{color:var(--accepted)}.badge{display:block;font-weight:400;font-size:.85em}.fp{color:var(--muted)}
.warnings{border-left:4px solid var(--warning);padding:.25rem 1rem;margin:1rem 0}
details summary{cursor:pointer;color:var(--muted)}
`;

function valueBlock(label: string, side: ChangeSide | undefined): string {
  if (!side) return '';
  const value = side.value === undefined ? '' : `<pre>${JSON.stringify(side.value as Json, null, 2).split('\n').map(escapeHtml).join('\n')}</pre>`;
  return `<div>${label} <code>${escapeHtml(side.pointer)}</code>${value}</div>`;
}

/** A readable location: each `→` step in code, backquoted names in worded steps as code. */
export function htmlWhere(where: string): string {
  return where
    .split(' → ')
    .map((part) =>
      part.includes('`')
        ? part
            .split('`')
            .map((piece, i) => (i % 2 === 1 ? `<code>${escapeHtml(piece)}</code>` : escapeHtml(piece)))
            .join('')
        : `<code>${escapeHtml(part)}</code>`,
    )
    .join(' → ');
}

function changeRow(change: Change, group: ChangeGroup, rulesById: Map<string, RuleDef>): string {
  const classes = [change.level, change.accepted ? 'accepted' : ''].filter(Boolean).join(' ');
  const doc = rulesById.get(change.id)?.doc;
  const rule = `<code${doc ? ` title="${escapeHtml(doc)}"` : ''}>${escapeHtml(change.id)}</code>`;
  const place = whereUnder(change, group.operation ? group.title : undefined);
  const location = place === undefined || place === group.title ? '' : `<div>${htmlWhere(place)}</div>`;
  const affects = affectsNote(change, group);
  const uses = usesText(change);
  const alsoAs = change.alsoAs?.length ? `<div class="meta">${uses ? `${escapeHtml(uses)}: ` : ''}also as ${change.alsoAs.map((u) => `<code>${escapeHtml(u.id)}</code> (${u.level})`).join(', ')}</div>` : '';
  const affectsHtml = `${alsoAs}${affects ? `<div class="meta">${affects.label} ${listCollapsed(affects.operations.map((op) => `<code>${escapeHtml(op)}</code>`))}</div>` : ''}`;
  const accepted = change.accepted
    ? `<div class="accepted-note">accepted: ${escapeHtml(change.accepted.reason)} <code>${escapeHtml(change.accepted.entry)}</code></div>`
    : '';
  const values = change.old || change.new ? `<details><summary>values</summary>${valueBlock('old', change.old)}${valueBlock('new', change.new)}</details>` : '';
  return (
    `<tr class="${classes}"><td class="level">${change.level}${change.accepted ? '<span class="badge">accepted</span>' : ''}</td><td>${rule}</td>` +
    `<td>${location}${escapeHtml(change.message)}${affectsHtml}${accepted}${values}</td>` +
    `<td class="fp"><code>${escapeHtml(change.fingerprint)}</code></td></tr>`
  );
}

/** `html`: one self-contained page (inline CSS, no scripts, no external resources); every spec-derived string is escaped. */
export function renderHtml(report: DiffReport, options: RenderOptions): string {
  const rulesById = new Map((options.rules ?? []).map((rule) => [rule.id, rule]));
  const title = reportTitle(report);
  const body: string[] = [`<header><h1>${escapeHtml(title)}</h1>`, '<p class="meta">'];
  if (report.mask) body.push(`version mask: <code>${escapeHtml(report.mask.from)}</code> → <code>${escapeHtml(report.mask.to)}</code>`);
  if (report.select?.old || report.select?.new) {
    body.push(`${report.mask ? '<br>' : ''}selected: old <code>${escapeHtml(report.select.old ?? '(all)')}</code>, new <code>${escapeHtml(report.select.new ?? '(all)')}</code>`);
  }
  body.push(`</p><p class="summary">${escapeHtml(summaryLine(report.summary))}</p></header>`);
  if (report.warnings && report.warnings.length > 0) {
    body.push(`<section class="warnings"><ul>${report.warnings.map((warning) => `<li>${escapeHtml(warning)}</li>`).join('')}</ul></section>`);
  }
  for (const group of groupChanges(report.changes)) {
    const operationId = group.operation?.operationId ? ` <small class="meta">${escapeHtml(group.operation.operationId)}</small>` : '';
    const heading = group.operation ? `<code>${escapeHtml(group.title)}</code>` : escapeHtml(group.title.charAt(0).toUpperCase() + group.title.slice(1));
    body.push(
      `<section><h2>${heading}${operationId}</h2>`,
      '<table><colgroup><col class="level"><col class="rule"><col><col class="fp"></colgroup>',
      '<thead><tr><th>Level</th><th>Rule</th><th>Change</th><th>Fingerprint</th></tr></thead><tbody>',
      ...group.changes.map((change) => changeRow(change, group, rulesById)),
      '</tbody></table></section>',
    );
  }
  body.push(`<footer class="meta">old: ${escapeHtml(sourceLine(report.old))}<br>new: ${escapeHtml(sourceLine(report.new))}</footer>`);
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>`,
    `<body>${body.join('\n')}</body>`,
    '</html>',
    '',
  ].join('\n');
}
