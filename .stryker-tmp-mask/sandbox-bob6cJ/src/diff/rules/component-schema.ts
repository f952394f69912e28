/**
 * Named schemas under `components.schemas`. Only components no operation reaches are reported as added or
 * removed: a reached schema that was inlined (or extracted) is no API change, and its content is compared
 * where the operations use it. Renames are reported whether reached or not.
 */
// @ts-nocheck

import { rule } from './define.js';

export const componentSchemaAdded = rule('component-schema-added', 'info', 'added', 'components', 'a component schema that no operation uses was added');
export const componentSchemaRemoved = rule('component-schema-removed', 'info', 'removed', 'components', 'a component schema that no operation used was removed');
export const componentSchemaRenamed = rule('component-schema-renamed', 'info', 'renamed', 'components', 'a component schema was renamed: the same structure (or nearly: "renamed, and changed", the changes reported where they are) under a new name');
