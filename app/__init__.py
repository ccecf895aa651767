"""Dateline: news copy in, structured data out."""

__version__ = "0.1.0"
