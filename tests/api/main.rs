//! The machine interface on both databases: tokens made on the account page, a three-stage
//! filing entirely through `/api/v1` (with an officer refused at submit, a stale `If-Match`, a
//! replayed `Idempotency-Key`, another organisation's incident not found, expired, revoked and
//! read-only tokens), the calculator against the brief's worked examples, rate limits, problem
//! details, the OpenAPI document against the checked-in one, and signed webhooks.

mod calculator;
mod client;
mod correspondence;
mod document;
mod filing;
mod tokens;
mod webhooks;
