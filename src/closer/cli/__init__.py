"""The ``closer`` command line. Every command that shows data takes ``--json``."""
