"""JTAI Ready: content generator for the knowledge base and self-assessment."""

__version__ = "0.1.0"
