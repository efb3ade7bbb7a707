"""The HTML of the items long lists repeat, made once.

An actor's page lists a thousand briefings at 10,000; a timeline year, thousands of events. An
item (a briefing in a list, an event with its source) is the same HTML on every page at the same
depth, and from one preview rebuild to the next unless what it shows changed; making it was most
of a rebuild's rendering. Items are kept by the identity of the briefing they show (an unchanged
briefing is the same object from one rebuild to the next, a changed one a new object; the memo
holds it, so its identity cannot pass to another) and by the value of everything else they show,
which the caller puts in `key`.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable

from .page import Context

#: items kept at most; beyond, the memo starts again (a preview of 10,000 briefings keeps ~40,000)
LIMIT = 200_000
_ITEMS: dict[tuple[int, Hashable], tuple[object, str]] = {}


def item_html(briefing: object, key: Hashable, make: Callable[..., str], *arguments: object) -> str:
    """`make(*arguments)`, or what it made before for the same briefing object and the same `key`."""
    slot = (id(briefing), key)
    kept = _ITEMS.get(slot)
    if kept is not None and kept[0] is briefing:
        return kept[1]
    made = make(*arguments)
    if len(_ITEMS) >= LIMIT:
        _ITEMS.clear()
    _ITEMS[slot] = (briefing, made)
    return made


def page_key(ctx: Context) -> Hashable:
    """What of the page an item's HTML depends on: how links are made, the page's depth (links are
    relative) and its reading language."""
    return (ctx.links, ctx.links.url(ctx.src_uri).count("/"), ctx.original)
