"""``python -m closer`` runs the CLI."""

from closer.cli import run

run()
