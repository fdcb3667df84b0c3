"""The Apache and IIS configs say what the tested nginx config does: same MIME types (one table,
in hosting_support), same 404 page, same security headers. Parsed, not run (no Apache or IIS in CI).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from tests.publish.hosting_support import DEPLOY, MIME, SUBPATH, mime_types_file

SECURITY = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "same-origin", "X-Frame-Options": "SAMEORIGIN"}


def _strip_comments(text: str) -> str:
    return "\n".join(line.split("#", 1)[0] for line in text.splitlines())


def nginx_types(text: str) -> dict[str, str]:
    """extension → type from every ``types { … }`` block of an nginx file (comments ignored)."""
    found: dict[str, str] = {}
    for block in re.findall(r"\btypes\s*\{([^}]*)\}", _strip_comments(text)):
        for entry in block.split(";"):
            words = entry.split()
            for ext in words[1:]:
                found[ext] = words[0]
    return found


def nginx_conf() -> str:
    return (DEPLOY / "nginx.conf").read_text(encoding="utf-8")


def nginx_servers() -> list[str]:
    return re.split(r"^server \{", _strip_comments(nginx_conf()), flags=re.M)[1:]


def nginx_csp() -> str:
    return re.search(r'map \$host \$briefing_csp \{\s*default "([^"]+)";', nginx_conf()).group(1)


def apache() -> dict[str, object]:
    """AddType, ErrorDocument and ``Header always set`` of deploy/apache.htaccess."""
    text = _strip_comments((DEPLOY / "apache.htaccess").read_text(encoding="utf-8"))
    types = {ext.lstrip("."): words[1] for words in (line.split() for line in text.splitlines())
             if words[:1] == ["AddType"] for ext in words[2:]}
    errors = dict(re.findall(r"^\s*ErrorDocument\s+(\d+)\s+(\S+)", text, re.M))
    headers = {}
    for name, value in re.findall(r'^\s*Header\s+always\s+set\s+(\S+)\s+"([^"]*)"', text, re.M):
        headers.setdefault(name, value)  # the first one set outside <FilesMatch>
    return {"types": types, "errors": errors, "headers": headers}


def iis() -> dict[str, object]:
    """mimeMap, the 404 error page and the custom headers of deploy/web.config."""
    web = ET.parse(DEPLOY / "web.config").getroot().find("system.webServer")
    static = web.find("staticContent")
    removed = {e.get("fileExtension") for e in static.findall("remove")}
    types = {m.get("fileExtension").lstrip("."): m.get("mimeType") for m in static.findall("mimeMap")}
    assert {"." + ext for ext in types} <= removed, "every mimeMap needs a <remove> first (IIS refuses duplicates)"
    errors = {e.get("statusCode"): e.get("path") for e in web.find("httpErrors").findall("error")}
    headers = {h.get("name"): h.get("value") for h in web.find("httpProtocol/customHeaders").findall("add")}
    return {"types": types, "errors": errors, "headers": headers}


def test_nginx_types_cover_the_table():
    declared = nginx_types(nginx_conf())
    stock_file = mime_types_file()
    if stock_file is None:
        pytest.skip("no nginx mime.types on this machine to combine with the config's additions")
    effective = {**nginx_types(stock_file.read_text(encoding="utf-8")), **declared}
    wrong = {ext: effective.get(ext) for ext, accepted in MIME.items() if effective.get(ext) not in accepted}
    assert wrong == {}


def test_nginx_servers_have_their_404_pages_and_headers():
    sub, root = nginx_servers()
    assert re.search(rf"error_page 404 {SUBPATH}404\.html;", sub)
    assert re.search(r"error_page 404 /404\.html;", root)
    for server in (sub, root):
        assert "include mime.types;" in server and "gzip_static on;" in server and "charset utf-8;" in server
        for name, value in {**SECURITY, "Content-Security-Policy": "$briefing_csp"}.items():
            assert f"add_header {name} {value} always;" in server, name


@pytest.mark.parametrize("config", [apache, iis], ids=["apache", "iis"])
def test_config_maps_every_extension_of_the_table(config):
    types = config()["types"]
    wrong = {ext: types.get(ext) for ext, accepted in MIME.items()
             if (types.get(ext) or "").split(";")[0].strip() not in accepted}
    assert wrong == {}


@pytest.mark.parametrize("config", [apache, iis], ids=["apache", "iis"])
def test_config_has_the_nginx_404_page_and_headers(config):
    parsed = config()
    sub_404 = re.search(r"error_page 404 (\S+);", nginx_servers()[0]).group(1)
    assert parsed["errors"] == {"404": sub_404}
    headers = parsed["headers"]
    assert headers["Content-Security-Policy"] == nginx_csp()
    for name, value in SECURITY.items():
        assert headers.get(name) == value, name


def test_iis_text_types_carry_utf8():
    types = iis()["types"]
    for ext in ("html", "css", "js", "json", "txt"):
        assert types[ext].endswith("; charset=utf-8"), ext
