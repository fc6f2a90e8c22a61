-- Tracing (mobile-bff/README.md, "Tracing"): the W3C traceparent of the span that wrote each outbox
-- message, so that the span dispatching it links to the request (or the reminder scan) that caused
-- it. Null for a message written outside any trace, and for those written before this version.
-- Nullable without a default: PostgreSQL adds it without rewriting the tables, and a replica still on
-- the previous version goes on writing rows without it.
ALTER TABLE push_message ADD COLUMN trace_parent text;
ALTER TABLE webhook_message ADD COLUMN trace_parent text;
