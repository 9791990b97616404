"""JTAI Ready: content generator for the knowledge base and self-assessment."""

# The project's one version: pyproject.toml reads it from here (dynamic = ["version"]).
__version__ = "0.1.0"
