"""Use cases: what a person can do, independent of web or CLI."""
