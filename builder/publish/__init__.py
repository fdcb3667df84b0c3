"""Publish stage: the only stage that touches the disk.

``write`` makes ``content/`` hold exactly the rendered pages and data files, ``site`` runs MkDocs
into ``site/``, and ``plugin`` lets ``mkdocs build|serve`` regenerate ``content/`` from ``seeds/``
by itself.
"""
