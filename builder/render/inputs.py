"""What an issue's pages are made of, as one digest: the key of the render cache.

An issue's pages (its home, one page per item, its print view) read the issue itself and, from the
rest of the archive, only what this module collects: the addresses of its pages and of its
neighbours, the links found in its text (targets and hover texts), the glossary entries those links
lead to, the documents its citations resolve to and the items related to its own. Two builds whose
digests agree render the same pages, so a rebuild after editing one bulletin renders that issue
again (and any issue whose links, relations or neighbours changed with it) and takes the others
from the cache. The digest includes the builder's code version.
"""

from __future__ import annotations

import hashlib

from ..caches import builder_version
from ..link import Archive
from ..model import Block, Issue, Policy


def issue_digest(archive: Archive, issue: Issue, source_digest: str) -> str:
    """The render cache's key for ``issue``'s pages; ``source_digest`` names the issue's own
    input (its bulletin's text and editor's corrections)."""
    addr = archive.addresses
    neighbours = [(other.name, addr.issue(other)) if other is not None else None for other in archive.neighbours(issue)]
    blocks: list[Block] = list(issue.front)
    for item in issue.items():
        blocks += item.blocks() if isinstance(item, Policy) else item.blocks
    links = [[(ln.start, ln.end, ln.target, ln.title) for ln in archive.links_in(b)] for b in blocks]
    terms = archive.term_pages
    targets = sorted({target.partition("#")[0] for in_block in links for _, _, target, _ in in_block})
    glossary = [(t, terms[t].name, terms[t].aliases, terms[t].definition, terms[t].full, addr.print_term_id(terms[t]))
                for t in targets if t in terms]
    items = []
    for item in issue.items():
        related = [(addr.item(ref), ref.title) for ref in archive.related_to(item)]
        cited = [addr.item(target) if (target := archive.cited.get(c)) is not None else None
                 for c in (item.citations if isinstance(item, Policy) else ())]
        items.append((addr.item(item), related, cited))
    inputs = (builder_version(), source_digest, addr.issue(issue), neighbours, links, glossary, items)
    return hashlib.sha256(repr(inputs).encode("utf-8", "surrogatepass")).hexdigest()
