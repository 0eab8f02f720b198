"""Commands over the persistent SQLite store (ingest, events, claims, conflicts, report)."""
