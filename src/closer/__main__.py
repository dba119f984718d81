"""``python -m closer`` runs the CLI."""

from closer.cli.main import run

run()
