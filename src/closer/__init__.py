"""Closer: notice the urge to push people away, understand it, practise closeness."""

# The single source of the version (pyproject.toml reads it from here), kept
# as a literal so that starting the CLI does not pay for importlib.metadata.
__version__ = "0.1.0"
