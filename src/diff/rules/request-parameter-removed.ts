/** A parameter was dropped: clients that still send it may be refused or silently ignored. */
import { rule } from './define.js';

export const requestParameterRemoved = rule('request-parameter-removed', 'warning', 'removed', 'paths', 'a request parameter was removed');
