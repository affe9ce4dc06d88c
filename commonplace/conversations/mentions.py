"""Mentions: a link to a member's page written as ``[@Name](/en/people/12/)``.

Typing "@" and a few letters offers names (see static/js/site.js) and inserts such a link, so a
mention is plain Markdown: it renders as a link to the profile with no special parser, and
without JavaScript a member can still write one by hand.
"""

import re

MENTION = re.compile(r"\[@[^\]\n]{1,150}\]\(/(?:en|fr)/people/(\d{1,12})/\)")


def mentioned_ids(body: str, *, limit: int = 20) -> set[int]:
    """Ids of the members mentioned in ``body``; at most ``limit``, so one post cannot page the
    whole community."""
    found: set[int] = set()
    for match in MENTION.finditer(body or ""):
        found.add(int(match.group(1)))
        if len(found) >= limit:
            break
    return found
