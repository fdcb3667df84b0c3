"""Publish stage: the only stage that touches the disk.

``write`` makes ``content/`` hold exactly the rendered pages, ``export`` adds the JSON data sets,
``site`` runs MkDocs into ``site/``, and ``plugin`` lets ``mkdocs build|serve`` regenerate
``content/`` from ``seeds/`` by itself.
"""
