"""Link stage: parsed issues → an immutable :class:`Archive`.

``addresses`` decides every page path and heading id (the only place that does), ``citations``
resolves cited and named documents, ``terms`` finds glossary terms in running text, ``related``
relates news and policies, and ``text`` holds the link tables.
"""

from __future__ import annotations

from .addresses import Addresses
from .archive import Archive, link_archive
from .text import TextLink

__all__ = ["Addresses", "Archive", "TextLink", "link_archive"]
