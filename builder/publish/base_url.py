"""Where the site is served: ``briefing build --base-url /briefing/`` (or a full URL).

Every page links relatively, so the same ``site/`` works at a domain root, under any path and from
``file://``. The one exception is MkDocs' ``404.html``: a server shows it for any missing URL, at
any depth, so MkDocs writes its links absolute from ``site_url``'s path (``/`` when unset). The base
URL is therefore needed only for a working 404 page under a sub-path.

MkDocs accepts only a full URL (with scheme and host) as ``site_url``; a path alone is given to the
``briefing`` plugin, which sets it once MkDocs has validated its configuration.
"""

from __future__ import annotations

from urllib.parse import urlsplit


def normalise_base_url(value: str) -> str:
    """``/briefing`` → ``/briefing/``; a full ``http(s)://host/path/`` is kept; anything else is refused."""
    parts = urlsplit(value.strip())
    if parts.query or parts.fragment or "\\" in value:
        raise ValueError(f"{value!r}: a base URL has no query, fragment or backslash")
    if parts.scheme in ("http", "https") and parts.netloc:
        path = parts.path or "/"
    elif not parts.scheme and not parts.netloc and parts.path.startswith("/"):
        path = parts.path
    else:
        raise ValueError(f"{value!r}: give a path such as /briefing/ or a URL such as http://intranet/briefing/")
    path = path if path.endswith("/") else path + "/"
    return parts._replace(path=path).geturl()


def site_url_options(base_url: str | None) -> tuple[dict[str, object], dict[str, object]]:
    """(MkDocs options, ``briefing`` plugin options) for a site served at ``base_url``."""
    if not base_url:
        return {}, {}
    base_url = normalise_base_url(base_url)
    if base_url.startswith("/"):
        return {}, {"base_path": base_url}
    return {"site_url": base_url}, {}
