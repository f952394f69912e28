// @ts-nocheck
import type * as Sarif from 'sarif';
import type { Change, DiffReport, Level, RuleDef } from '../model.js';
import { changeSide, summaryLine, type RenderOptions } from './common.js';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
export const SARIF_FINGERPRINT_KEY = 'specdrift/v1';
const SARIF_LEVEL: Record<Level, Sarif.Result.level> = { breaking: 'error', warning: 'warning', info: 'note' };

/** A spec source as a URI reference: URLs stay, file paths are percent-encoded (absolute ones as file:// URIs). */
export function sourceUri(source: string): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(source)) return source;
  const path = source.replace(/\\/g, '/');
  const encoded = encodeURI(path).replace(/[#?]/g, (char) => encodeURIComponent(char));
  return path.startsWith('/') ? `file://${encoded}` : encoded;
}

function ruleDescriptor(rule: Pick<RuleDef, 'id'> & Partial<RuleDef>): Sarif.ReportingDescriptor {
  const descriptor: Sarif.ReportingDescriptor = { id: rule.id };
  if (rule.doc) descriptor.shortDescription = { text: rule.doc };
  if (rule.level) descriptor.defaultConfiguration = { level: SARIF_LEVEL[rule.level] };
  if (rule.kind || rule.section) descriptor.properties = { kind: rule.kind, section: rule.section };
  return descriptor;
}

function logicalLocations(change: Change, pointer: string | undefined): Sarif.LogicalLocation[] {
  const locations: Sarif.LogicalLocation[] = [];
  if (pointer !== undefined) {
    const name = pointer.split('/').pop() ?? pointer;
    locations.push({ name: name.replace(/~1/g, '/').replace(/~0/g, '~'), fullyQualifiedName: pointer, kind: 'object' });
  }
  if (change.location !== pointer) {
    locations.push({ fullyQualifiedName: change.location, kind: change.section === 'paths' || change.section === 'webhooks' ? 'function' : 'type' });
  }
  return locations;
}

function result(change: Change, report: DiffReport, ruleIndex: number): Sarif.Result {
  const side = changeSide(change);
  const properties: Sarif.PropertyBag = {
    location: change.location,
    ...(change.where !== undefined ? { where: change.where } : {}),
    ...(change.resource !== undefined ? { resource: change.resource } : {}),
    changeKind: change.kind,
    section: change.section,
    specdriftLevel: change.level,
    operations: change.operations.map((operation) => ({ ...operation })),
  };
  if (change.old) properties.old = change.old;
  if (change.new) properties.new = change.new;
  const out: Sarif.Result = {
    ruleId: change.id,
    ruleIndex,
    level: SARIF_LEVEL[change.level],
    message: { text: `${change.message} (${change.location})` },
    locations: [
      {
        physicalLocation: { artifactLocation: { uri: sourceUri(report[side.spec].source) } },
        logicalLocations: logicalLocations(change, side.pointer),
      },
    ],
    partialFingerprints: { [SARIF_FINGERPRINT_KEY]: change.fingerprint },
    properties,
  };
  if (change.accepted) {
    out.suppressions = [
      { kind: 'external', status: 'accepted', justification: change.accepted.reason, properties: { entry: change.accepted.entry } },
    ];
  }
  return out;
}

/**
 * `sarif`: SARIF 2.1.0 for code-scanning tools. `tool.driver.rules` lists the rules the changes use, described
 * from the rule catalogue (a rule id the catalogue lacks gets a bare descriptor); levels map breaking→error, warning→warning, info→note;
 * accepted changes carry an external suppression with the accept-list reason.
 */
export function renderSarif(report: DiffReport, options: Pick<RenderOptions, 'rules' | 'toolVersion'>): string {
  const rules: Sarif.ReportingDescriptor[] = [];
  const ruleIndex = new Map<string, number>();
  const addRule = (rule: Pick<RuleDef, 'id'> & Partial<RuleDef>) => {
    if (ruleIndex.has(rule.id)) return;
    ruleIndex.set(rule.id, rules.length);
    rules.push(ruleDescriptor(rule));
  };
  // Only the rules this report uses: the whole catalogue (500+ rules) would make every SARIF file ~250 KB.
  const catalogue = new Map((options.rules ?? []).map((rule) => [rule.id, rule]));
  for (const change of report.changes) addRule(catalogue.get(change.id) ?? { id: change.id, kind: change.kind, section: change.section });

  const driver: Sarif.ToolComponent = { name: 'specdrift', informationUri: 'https://www.npmjs.com/package/specdrift', rules };
  if (options.toolVersion) driver.version = options.toolVersion;
  const runProperties: Sarif.PropertyBag = { old: report.old, new: report.new, summary: report.summary, summaryText: summaryLine(report.summary) };
  if (report.mask) runProperties.mask = report.mask;
  if (report.select) runProperties.select = report.select;
  const log: Sarif.Log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: { driver },
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: (report.warnings ?? []).map((warning) => ({ level: 'warning', message: { text: warning } })),
          },
        ],
        results: report.changes.map((change) => result(change, report, ruleIndex.get(change.id)!)),
        properties: runProperties,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
