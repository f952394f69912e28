/**
 * The page shell every HTML report shares (diff, changelog, compat): inline CSS and a small inline script, so the
 * file is self-contained (nothing fetched, no external URL). Rows carrying `data-level` (and `data-rule`) are
 * what the filters act on; `<details data-box>` sections collapse and hide when they have no row left; any
 * element with an id is a deep link (`#id` opens the sections around it).
 */
// @ts-nocheck


const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtmlText = (text: string) => text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]);

export const PAGE_STYLE = `
:root{color-scheme:light dark;--fg:#1f2328;--bg:#fff;--muted:#59636e;--line:#d1d9e0;--mark:#fff8c5;--breaking:#cf222e;--warning:#9a6700;--info:#0969da;--accepted:#1a7f37;--pass:#1a7f37;--fail:#cf222e;--nc:#9a6700;--ng:#8250df;--na:#6e7781}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--bg:#0d1117;--muted:#9198a1;--line:#3d444d;--mark:#3b2e00;--breaking:#ff7b72;--warning:#d29922;--info:#58a6ff;--accepted:#3fb950;--pass:#3fb950;--fail:#ff7b72;--nc:#d29922;--ng:#bc8cff;--na:#8b949e}}
*{box-sizing:border-box}[hidden]{display:none!important}
body{font:14px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--fg);background:var(--bg);margin:1.5rem auto;max-width:90rem;padding:0 1rem}
h1{font-size:1.5rem;margin:0 0 .5rem;overflow-wrap:anywhere}h2{font-size:1.15rem;margin:0;display:inline}h3{font-size:1rem;margin:1rem 0 .25rem}h2 code,h3 code{font-size:inherit}
code,pre{font:12px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
pre{white-space:pre-wrap;word-break:break-all;margin:.25rem 0;padding:.5rem;border:1px solid var(--line);border-radius:4px;overflow:auto}
table{border-collapse:collapse;width:100%}table.changes{table-layout:fixed}table.changes th:nth-child(1){width:7.5rem}table.changes th:nth-child(2){width:17rem}table.changes th:nth-child(4){width:10.5rem}td{overflow-wrap:anywhere}th,td{text-align:left;vertical-align:top;padding:.35rem .5rem;border-bottom:1px solid var(--line)}
th{color:var(--muted);font-weight:600}.meta{color:var(--muted)}.summary{font-weight:600;font-size:1.05rem}
.level{font-weight:700;white-space:nowrap}.breaking .level,.breaking>.level{color:var(--breaking)}.warning .level{color:var(--warning)}.info .level{color:var(--info)}
tr.accepted td{opacity:.7}.accepted-note,.badge{color:var(--accepted)}.badge{display:block;font-weight:400;font-size:.85em}.fp a{color:var(--muted)}
.warnings{border-left:4px solid var(--warning);padding:.25rem 1rem;margin:1rem 0}
details.box{margin:1rem 0;border-top:1px solid var(--line);padding-top:.5rem}details.box>summary{cursor:pointer;list-style-position:outside}
details.box>summary .count{color:var(--muted);font-weight:400;margin-left:.5rem}details summary{cursor:pointer;color:var(--muted)}details.box>summary{color:var(--fg)}
.filters{position:sticky;top:0;z-index:1;background:var(--bg);display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;padding:.5rem 0;border-bottom:1px solid var(--line)}
.filters input,.filters select{font:inherit;padding:.25rem .4rem;color:var(--fg);background:var(--bg);border:1px solid var(--line);border-radius:4px;max-width:100%}.filters input{flex:1 1 12rem}
:target,.target{background:var(--mark)}
.pass{color:var(--pass)}.fail{color:var(--fail)}.not-compiled{color:var(--nc)}.not-generated{color:var(--ng)}.driver-unsupported,.unavailable,.skipped{color:var(--na)}
td.c{text-align:center;font-weight:700;white-space:nowrap}th.g{writing-mode:vertical-rl;transform:rotate(180deg);white-space:nowrap;font-weight:500}.scroll{overflow-x:auto}
@media (max-width:40rem){body{margin:.5rem auto;padding:0 .5rem}table.changes thead{display:none}table.changes tr{display:block;border-bottom:1px solid var(--line);padding:.25rem 0}table.changes td{display:block;border:0;padding:.1rem .25rem}table.changes{table-layout:auto}}
`;

/**
 * Filters (level, rule, search), counts, and deep links. Plain DOM, no library: a few lines that no package
 * would make shorter, and the page must run with nothing fetched.
 */
export const PAGE_SCRIPT = `
(function () {
  var rows = Array.prototype.slice.call(document.querySelectorAll('[data-level]'));
  var level = document.getElementById('filter-level'), rule = document.getElementById('filter-rule'), search = document.getElementById('filter-search'), count = document.getElementById('filter-count');
  var nav = document.getElementById('filters');
  if (nav) nav.hidden = false;
  function apply() {
    var wantLevel = level ? level.value : '', wantRule = rule ? rule.value : '', text = search ? search.value.trim().toLowerCase() : '';
    var shown = 0;
    rows.forEach(function (row) {
      var ok = (!wantLevel || row.getAttribute('data-level') === wantLevel) && (!wantRule || row.getAttribute('data-rule') === wantRule) && (!text || row.textContent.toLowerCase().indexOf(text) >= 0);
      row.hidden = !ok;
      if (ok) shown++;
    });
    Array.prototype.forEach.call(document.querySelectorAll('[data-box]'), function (box) {
      box.hidden = box.querySelector('[data-level]') !== null && box.querySelector('[data-level]:not([hidden])') === null;
    });
    if (count) count.textContent = shown + ' of ' + rows.length + ' shown';
  }
  function open() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (!target) return;
    if (target.hidden && level) { level.value = ''; if (rule) rule.value = ''; if (search) search.value = ''; apply(); }
    for (var node = target; node; node = node.parentElement) if (node.tagName === 'DETAILS') node.open = true;
    Array.prototype.forEach.call(document.querySelectorAll('.target'), function (el) { el.classList.remove('target'); });
    target.classList.add('target');
    target.scrollIntoView({ block: 'center' });
  }
  [level, rule].forEach(function (el) { if (el) el.addEventListener('change', apply); });
  if (search) search.addEventListener('input', apply);
  window.addEventListener('hashchange', open);
  apply();
  open();
})();
`;

/** The filter bar: hidden until the script shows it (without scripts the page is a plain report). */
export function filterBar(levels: readonly string[], rules: readonly { id: string; count: number }[], labels: { level: string; rule: string }): string {
  const option = (value: string, text: string) => `<option value="${escapeHtmlText(value)}">${escapeHtmlText(text)}</option>`;
  return [
    '<nav class="filters" id="filters" hidden>',
    `<select id="filter-level" aria-label="${labels.level}">${option('', `every ${labels.level}`)}${levels.map((level) => option(level, level)).join('')}</select>`,
    `<select id="filter-rule" aria-label="${labels.rule}">${option('', `every ${labels.rule}`)}${rules.map((rule) => option(rule.id, `${rule.id} (${rule.count})`)).join('')}</select>`,
    '<input id="filter-search" type="search" placeholder="Search" aria-label="Search">',
    '<span id="filter-count" class="meta"></span>',
    '</nav>',
  ].join('');
}

/** A whole page around `body` (already HTML); `title` is text. */
export function htmlPage(title: string, body: string): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtmlText(title)}</title><style>${PAGE_STYLE}</style></head>`,
    `<body>${body}`,
    `<script>${PAGE_SCRIPT}</script></body>`,
    '</html>',
    '',
  ].join('\n');
}
