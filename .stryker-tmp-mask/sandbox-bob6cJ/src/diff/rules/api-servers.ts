/** Top-level `servers`, matched by URL template. */
// @ts-nocheck

import { rule } from './define.js';

export const serverAdded = rule('api-server-added', 'info', 'added', 'servers', 'a server was added');
export const serverRemoved = rule('api-server-removed', 'warning', 'removed', 'servers', 'a server was removed (clients configured with its URL must move)');
export const serverVariableDefaultChanged = rule('api-server-variable-default-changed', 'warning', 'changed', 'servers', 'the default value of a server URL variable changed');
export const serverVariableEnumValueAdded = rule('api-server-variable-enum-value-added', 'info', 'added', 'servers', 'a value was added to the enum of a server URL variable');
export const serverVariableEnumValueRemoved = rule('api-server-variable-enum-value-removed', 'warning', 'removed', 'servers', 'a value was removed from the enum of a server URL variable');
