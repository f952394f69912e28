/**
 * `--select` on one operation of the real slurmrestd 24.11 specs: the exact finding set, written by hand from the
 * two documents (checked with a few lines of node reading the JSON directly, not with specdrift).
 */
// @ts-nocheck

import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { describeWithRealSpec } from '../helpers/real-specs.js';

describe('real slurmrestd specs', () => {
  describeWithRealSpec(['24.11/v0.0.40.json', '24.11/v0.0.41.json'], 'diff --select on GET /slurm/v0.0.40/diag/', ([v40, v41]) => {
    it('reports exactly the changes reachable from that operation', () => {
      const result = cli(['diff', v40, v41, '--select', '.paths["/slurm/v0.0.40/diag/"].get', '-f', 'json']);
      expect(result.code).toBe(0);
      const report = JSON.parse(result.stdout);
      const S = '#/components/schemas/v0.0.40_';
      const rows = (report.changes as { level: string; id: string; location: string; message: string }[]).map((c) => `${c.level} ${c.id} ${c.location} | ${c.message}`);
      const stats = (name: string) => `info response-property-added ${S}stats_msg | optional property '${name}' added`;
      const required = (items: string, name: string) => `info response-property-required-added ${S}${items}/items | property '${name}' became required`;
      const requiredNew = (name: string) => `info response-required-property-added ${S}stats_msg_rpcs_by_type/items | required property '${name}' added`;
      expect(rows.sort()).toEqual(
        [
          // statistics gains six properties
          ...['bf_cycle_max', 'bf_table_size_sum', 'pending_rpcs', 'pending_rpcs_by_hostlist', 'schedule_cycle_depth', 'schedule_cycle_sum'].map(stats),
          // rpcs_by_message_type items: had no `required`, now require all nine, four of them new
          ...['average_time', 'count', 'message_type', 'total_time', 'type_id'].map((n) => required('stats_msg_rpcs_by_type', n)),
          ...['cycle_last', 'cycle_max', 'dropped', 'queued'].map(requiredNew),
          `breaking response-type-changed ${S}stats_msg_rpcs_by_type/items/properties/average_time | type changed from integer to object`,
          `warning response-format-changed ${S}stats_msg_rpcs_by_type/items/properties/count | format changed from "int64" to "int32"`,
          // rpcs_by_user items: the same story without new properties
          ...['average_time', 'count', 'total_time', 'user', 'user_id'].map((n) => required('stats_msg_rpcs_by_user', n)),
          `breaking response-type-changed ${S}stats_msg_rpcs_by_user/items/properties/average_time | type changed from integer to object`,
          `warning response-format-changed ${S}stats_msg_rpcs_by_user/items/properties/count | format changed from "int64" to "int32"`,
          // uint64_no_val (also used by request bodies, so filed under its most severe use) drops its defaults
          `warning request-default-removed ${S}uint64_no_val/properties/infinite | default 0 removed`,
          `warning request-default-removed ${S}uint64_no_val/properties/set | default false removed`,
        ].sort(),
      );
      expect(report.summary).toMatchObject({ breaking: 2, warning: 4, info: 20, total: 26 });
    });
  });
});
