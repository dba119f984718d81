"""Writers of a person's records: Closer JSON, a Markdown journal, CSV tables."""

from enum import StrEnum


class ExportFormat(StrEnum):
    """The export formats: Closer JSON, a Markdown journal, CSV tables."""

    JSON = "json"
    MD = "md"
    CSV = "csv"
