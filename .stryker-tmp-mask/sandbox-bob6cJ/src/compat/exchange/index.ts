// @ts-nocheck
export { createExchangeValidator, responseKeyFor } from './validator.js';
export { VIOLATION_RULES } from './types.js';
export type {
  ExchangeRequest,
  ExchangeResponse,
  ExchangeValidator,
  HeaderMap,
  OperationMatch,
  OperationRef,
  ParsedBody,
  RequestReading,
  SchemaIssue,
  Violation,
  ViolationRule,
} from './types.js';
