"""MkDocs plugin ``briefing``: ``mkdocs build`` and ``mkdocs serve`` regenerate ``content/`` themselves.

It generates ``content/`` from ``seeds/`` when MkDocs loads its configuration and adds ``seeds/``
to the watched paths (in place of ``content/``, which it rewrites itself), so ``mkdocs serve``
rebuilds once when a bulletin changes, with MkDocs' own reloader; after each build it writes the
search index (:mod:`builder.search`).
``briefing build`` has already generated and checked ``content/`` when it runs MkDocs; it says so
in the environment and the plugin leaves ``content/`` alone.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

import jinja2
from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from ..build import generate_content
from ..config import BuildConfig
from ..errors import BuilderError
from ..search import build_search
from .site import CACHE, CONTENT_READY

log = logging.getLogger(f"mkdocs.plugins.{__name__}")

class _Options(Config):
    root = config_options.Optional(config_options.Type(str))
    """Project folder; default: the folder of ``mkdocs.yml``."""
    seeds = config_options.Optional(config_options.Type(str))
    """Bulletin folder; default: ``ROOT/seeds``."""
    strict = config_options.Type(bool, default=False)
    """Fail on warnings as well as errors."""
    base_path = config_options.Optional(config_options.Type(str))
    """The site's path on its server (``/briefing/``), set as ``site_url`` after MkDocs has validated
    its configuration (MkDocs accepts only a full URL there)."""


class BriefingPlugin(BasePlugin[_Options]):
    """Generates ``content/`` (MkDocs' docs_dir) from the bulletins before each build."""

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(self.config.root or Path(config.config_file_path).parent)
        seeds = Path(self.config.seeds) if self.config.seeds else None
        build_config = BuildConfig.from_root(root, seeds=seeds, content=Path(config.docs_dir), strict=self.config.strict)
        self.build_config = build_config
        if str(build_config.seeds_dir) not in config.watch:
            config.watch.append(str(build_config.seeds_dir))
        if self.config.base_path:
            config.site_url = self.config.base_path
        if os.environ.get(CONTENT_READY) == str(build_config.content_dir):
            return config
        try:
            result = generate_content(build_config)
        except BuilderError as exc:
            raise PluginError(str(exc)) from None
        log.info("briefing: %d pages generated in %s", len(result.pages), build_config.display(build_config.content_dir))
        return config

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig, builder: object) -> LiveReloadServer:
        """``content/`` is this plugin's output, rewritten during each build: watching it would start
        a second build after every one. ``seeds/`` (and the theme, ``mkdocs.yml``) start builds."""
        server.unwatch(config.docs_dir)
        return server

    def on_env(self, env: jinja2.Environment, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
        """Compiled theme templates are kept in the build's cache (``.cache/jinja/``): MkDocs makes a
        new template environment for every build, and compiling Material's templates again took
        about 0.4 s of each rebuild. Jinja checks each entry against its template's source."""
        folder = self._cache() / "jinja"
        folder.mkdir(parents=True, exist_ok=True)
        env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(folder))
        return env

    def _cache(self) -> Path:
        return Path(os.environ.get(CACHE) or self.build_config.cache_dir)

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Remember every file MkDocs will publish (to remove stale ones after an incremental build)."""
        self.site_paths = [f.dest_uri for f in files]
        return files

    def on_page_context(self, context: dict, *, page: Page, config: MkDocsConfig, nav: object) -> dict:
        """A whole-issue print view has its own contents on its cover: no sidebar table of contents
        (it would repeat every heading of the issue in the page's chrome)."""
        if page.meta.get("type") == "print":
            page.toc = get_toc([])
        return context

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Write the search index of the pages just built into ``site/search/``."""
        emitted = build_search(Path(config.site_dir), Path(config.docs_dir), self._cache() / "search")
        log.debug("briefing: search index of %d files", emitted.files)
