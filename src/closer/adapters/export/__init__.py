"""Writers of a person's records: Closer JSON, a Markdown journal, CSV tables."""
