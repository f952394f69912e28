/**
 * The built-in markdown and HTML layouts, as Liquid templates over the model of view.ts (docs/templates.md).
 * `--template FILE` replaces the document template; the partials stay available to it by name.
 */
// @ts-nocheck


/**
 * One step's body at a heading depth `h` (`##` for a report, `###` inside a range): header lines, then
 * sections and groups as --group-by orders them, one bullet per change. Blank lines are tidied after rendering
 * (runs of them become one), so the layout can be written readably.
 */
const MD_STEP = `- **Summary:** {{ step.summary.line }}
{% if step.mask %}- **Version mask:** {{ step.mask.from | md_code }} → {{ step.mask.to | md_code }} (for comparing; names below are each version's own)
{% endif -%}
{% if step.select %}- **Selected:** old {{ step.select.old | md_code }}, new {{ step.select.new | md_code }}
{% endif -%}
{% if step.warnings.size > 0 %}
> [!WARNING]
{% for warning in step.warnings %}> - {{ warning | md }}
{% endfor -%}
{% endif -%}
{% if step.changes.size == 0 %}
No changes.
{% endif -%}
{% for section in step.sections %}

{{ h }} {% if section.code %}{{ section.title | md_code }}{% else %}{{ section.title | md }}{% endif %}{% if section.operation_id != '' %} ({{ section.operation_id | md_code }}){% endif %}
{% for group in section.groups %}

{{ h }}# {% if group.code %}{{ group.title | md_code }}{% else %}{{ group.title | md }}{% endif %}{% if group.operation_id != '' %} ({{ group.operation_id | md_code }}){% endif %}

{% for c in group.changes -%}
- {% if c.place != '' %}{{ c.place | md_where }}: {% endif -%}
{{ c.message | md }}{% if c.uses != '' %} ({{ c.uses }}){% endif -%}
{% if c.affects %} — {{ c.affects.label }} {% for op in c.affects.shown %}{{ op | md_code }}{% unless forloop.last %}, {% endunless %}{% endfor %}{% if c.affects.more > 0 %} and {{ c.affects.more }} more{% endif %}{% endif -%}
{% if c.accepted %} — **accepted:** {{ c.accepted.reason | md }} ({{ c.accepted.entry | md_code }}){% endif %} <sub>{% if c.level != 'breaking' %}{{ c.level }} · {% endif %}{{ c.id | md_code }}{% if c.also_as.size > 0 %} · also as {% for use in c.also_as %}{{ use.id | md_code }} ({{ use.level }}){% unless forloop.last %}, {% endunless %}{% endfor %}{% endif %} · {{ c.fingerprint | md_code }}</sub>
{% endfor -%}
{% endfor -%}
{% endfor -%}
`;

/** The markdown document: one report (title, step body, sources footer) or a range (summary table, then the steps). */
export const MARKDOWN_TEMPLATE = `# {{ title | md }}
{% if range %}
| Step | Breaking | Warnings | Info | Operations added | Operations removed |
|---|---:|---:|---:|---:|---:|
{% for step in steps -%}
{% if step.summary %}| {{ step.title | md }} | {{ step.summary.breaking }} | {{ step.summary.warning }} | {{ step.summary.info }} | {{ step.operations_added }} | {{ step.operations_removed }} |
{% else %}| {{ step.title | md }} | — | — | — | — | — |
{% endif -%}
{% endfor -%}
{% if failed > 0 %}
— = the step failed; its section says why.
{% endif -%}
{% for step in steps %}

## {{ step.title | md }}

{% if step.error != '' %}> [!CAUTION]
> Could not compare {{ step.old_source | md_code }} with {{ step.new_source | md_code }}: {{ step.error | md }}
{% else %}{% render 'markdown-step', step: step, h: '###' %}{% endif -%}
{% endfor -%}
{% if sources.size > 0 %}

---

<sub>{% for source in sources %}{{ source.line | md }}{% unless forloop.last %}<br>{% endunless %}{% endfor %}</sub>
{% endif -%}
{% else %}
{% render 'markdown-step', step: steps.first, h: '##' %}

---

<sub>Old: {{ old.line | md }}<br>New: {{ new.line | md }}</sub>
{% endif -%}
`;

/** One step's sections as HTML: collapsible boxes, a table per group, one row per change (filterable, deep-linkable). */
const HTML_STEP = `{% if step.mask or step.select %}<p class="meta">{% if step.mask %}version mask: <code>{{ step.mask.from }}</code> → <code>{{ step.mask.to }}</code>{% endif %}{% if step.mask and step.select %}<br>{% endif %}{% if step.select %}selected: old <code>{{ step.select.old }}</code>, new <code>{{ step.select.new }}</code>{% endif %}</p>{% endif %}
{% if step.warnings.size > 0 %}<section class="warnings"><ul>{% for warning in step.warnings %}<li>{{ warning }}</li>{% endfor %}</ul></section>{% endif %}
{% if step.changes.size == 0 %}<p>No changes.</p>{% endif %}
{% for section in step.sections %}<details class="box" open data-box id="{{ section.anchor }}"><summary><h{{ depth }}>{% if section.code %}<code>{{ section.title }}</code>{% else %}{{ section.title }}{% endif %}{% if section.operation_id != '' %} <small class="meta">{{ section.operation_id }}</small>{% endif %}</h{{ depth }}><span class="count">{{ section.count }}</span></summary>
{% for group in section.groups %}<div data-box id="{{ group.anchor }}"><h{{ depth | plus: 1 }}>{% if group.code %}<code>{{ group.title }}</code>{% else %}{{ group.title }}{% endif %}{% if group.operation_id != '' %} <small class="meta">{{ group.operation_id }}</small>{% endif %}</h{{ depth | plus: 1 }}>
<table class="changes"><thead><tr><th>Level</th><th>Rule</th><th>Change</th><th>Fingerprint</th></tr></thead><tbody>
{% for c in group.changes %}<tr class="{{ c.level }}{% if c.accepted %} accepted{% endif %}" id="{{ c.anchor }}" data-level="{{ c.level }}" data-rule="{{ c.id }}"><td class="level">{{ c.level }}{% if c.accepted %}<span class="badge">accepted</span>{% endif %}</td><td><code{% if c.doc != '' %} title="{{ c.doc }}"{% endif %}>{{ c.id }}</code></td><td>{% if c.place != '' %}<div>{% for where in c.place_steps %}{% unless forloop.first %} → {% endunless %}{% for piece in where %}{% if piece.code %}<code>{{ piece.text }}</code>{% else %}{{ piece.text }}{% endif %}{% endfor %}{% endfor %}</div>{% endif %}{{ c.message }}{% if c.also_as.size > 0 %}<div class="meta">{% if c.uses != '' %}{{ c.uses }}: {% endif %}also as {% for use in c.also_as %}<code>{{ use.id }}</code> ({{ use.level }}){% unless forloop.last %}, {% endunless %}{% endfor %}</div>{% endif %}{% if c.affects %}<div class="meta">{{ c.affects.label }} {% for op in c.affects.shown %}<code>{{ op }}</code>{% unless forloop.last %}, {% endunless %}{% endfor %}{% if c.affects.more > 0 %} and {{ c.affects.more }} more{% endif %}</div>{% endif %}{% if c.accepted %}<div class="accepted-note">accepted: {{ c.accepted.reason }} <code>{{ c.accepted.entry }}</code></div>{% endif %}{% if c.old or c.new %}<details><summary>values</summary>{% if c.old %}<div>old <code>{{ c.old.pointer }}</code>{% if c.old.value %}<pre>{{ c.old.value }}</pre>{% endif %}</div>{% endif %}{% if c.new %}<div>new <code>{{ c.new.pointer }}</code>{% if c.new.value %}<pre>{{ c.new.value }}</pre>{% endif %}</div>{% endif %}</details>{% endif %}</td><td class="fp"><a href="#{{ c.anchor }}" title="link to this change"><code>{{ c.fingerprint }}</code></a></td></tr>
{% endfor %}</tbody></table></div>
{% endfor %}</details>
{% endfor %}`;

/**
 * The HTML page: the shared shell (page.style, page.script, page.filters are HTML made by specdrift, hence
 * `| raw`; everything else is escaped by default), then one report or a range of steps.
 */
export const HTML_TEMPLATE = `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ title }}</title><style>{{ page.style | raw }}</style></head>
<body><header><h1>{{ title }}</h1>
<p class="summary">{% if range %}{% for step in steps %}{{ step.title }}: {% if step.summary %}{{ step.summary.line }}{% else %}failed{% endif %}{% unless forloop.last %}<br>{% endunless %}{% endfor %}{% else %}{{ summary.line }}{% endif %}</p></header>
{{ page.filters | raw }}
{% if range %}{% for step in steps %}<details class="box" open data-box id="{{ step.anchor }}"><summary><h2>{{ step.title }}</h2><span class="count">{% if step.summary %}{{ step.summary.line }}{% else %}failed{% endif %}</span></summary>
{% if step.error != '' %}<p class="warnings">Could not compare <code>{{ step.old_source }}</code> with <code>{{ step.new_source }}</code>: {{ step.error }}</p>{% else %}{% render 'html-step', step: step, depth: 3 %}{% endif %}
</details>
{% endfor %}{% else %}{% render 'html-step', step: steps.first, depth: 2 %}{% endif %}
<footer class="meta">{% if range %}{% for source in sources %}{{ source.line }}{% unless forloop.last %}<br>{% endunless %}{% endfor %}{% else %}old: {{ old.line }}<br>new: {{ new.line }}{% endif %}</footer>
<script>{{ page.script | raw }}</script></body>
</html>
`;

export const PARTIALS: Record<string, string> = { 'markdown-step': MD_STEP, 'html-step': HTML_STEP };
