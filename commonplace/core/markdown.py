"""The one way user-written Markdown becomes HTML: CommonMark, then an allow-list sanitiser.

Raw HTML in the source is never passed through (markdown-it's ``html`` option is off), and nh3
removes anything the parser could still produce that is not on the list below, including
``javascript:`` links. Links written by members carry ``rel="nofollow ugc noopener"``.
"""

import nh3
from markdown_it import MarkdownIt

ALLOWED_TAGS = {
    "a", "abbr", "blockquote", "br", "code", "del", "em", "h2", "h3", "h4", "h5", "h6", "hr",
    "img", "li", "ol", "p", "pre", "s", "strong", "table", "tbody", "td", "th", "thead", "tr",
    "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title"},
    "th": {"align"},
    "td": {"align"},
    "ol": {"start"},
}
URL_SCHEMES = {"http", "https", "mailto"}

_parser = (
    MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    .enable("table")
    .enable("strikethrough")
)


def render_markdown(source: str, *, links: bool = True) -> str:
    """Return safe HTML for ``source``. Headings start at h2: the page owns the h1.

    With ``links=False`` links away from the site are reduced to their text and images are
    left out: how a new member's posts are shown until the community trusts them, so spam
    links never reach a page. Links within the site (a mention of a member) stay.
    """
    html = _parser.render(source or "")
    html = html.replace("<h1>", "<h2>").replace("</h1>", "</h2>")
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS if links else ALLOWED_TAGS - {"img"},
        attribute_filter=None if links else _site_links_only,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="nofollow ugc noopener",
        strip_comments=True,
    )


def _site_links_only(tag: str, attribute: str, value: str) -> str | None:
    if tag == "a" and attribute == "href":
        return value if value.startswith("/") and not value.startswith("//") else None
    return value
