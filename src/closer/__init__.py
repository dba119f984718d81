"""Closer: notice the urge to push people away, understand it, practise closeness."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("closer")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0.0.0"
