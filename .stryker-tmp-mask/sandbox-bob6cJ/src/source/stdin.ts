/** The loader's explicit spelling of stdin: the CLI passes a lone `-` through as this (yargs-parser eats `-`). */
// @ts-nocheck

export const STDIN_SOURCE = 'stdin:';
