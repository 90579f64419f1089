"""The maintenance workbench."""

__version__ = "0.1.0"
