"""Fact-check review: items to review, the verdict vocabulary, and the append-only audit log.

A person walks the open items (findings between claims, the claims findings rest on, and each
event's reconciled figure), most serious first, and records a verdict on each. Verdicts are
stored as they are given, keyed by what survives re-ingest and regrouping (claim ids), and the
reports read them (`reconcile.review.shape`).

Modules: `keys` (stable item ids), `verdicts` (the vocabulary), `items` (what is reviewed, in
order), `ledger` (verdicts, sessions and the log in the store), `shape` (verdicts applied to a
report's data), `session` (the interactive loop), `screen` (an item's screen), `status` and
`cli` (the `reconcile review` commands).
"""
