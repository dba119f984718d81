"""Adapters: storage and other I/O, behind the interfaces the services use."""
