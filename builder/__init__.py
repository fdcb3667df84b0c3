"""Briefing-site generator: Chinese briefing bulletins (简报) → structured Markdown → MkDocs site."""

__version__ = "0.1.0"
