from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from commonplace.core.markdown import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, URL_SCHEMES, render_markdown

DATA = Path(__file__).resolve().parents[3] / "shared" / "data"


def xss_payloads() -> list[str]:
    return [
        line
        for line in (DATA / "xss-payloads.txt").read_text("utf-8", errors="replace").splitlines()
        if line.strip()
    ]


def test_markdown_becomes_html():
    html = render_markdown("# Title\n\nSome **bold** and a [link](https://example.org).")
    assert "<h2>Title</h2>" in html
    assert "<strong>bold</strong>" in html
    assert '<a href="https://example.org" rel="nofollow ugc noopener">link</a>' in html


def test_raw_html_is_shown_as_text_not_run():
    html = render_markdown('<script>alert(1)</script><b onclick="x()">hi</b>')
    assert html == (
        '<p>&lt;script&gt;alert(1)&lt;/script&gt;&lt;b onclick="x()"&gt;hi&lt;/b&gt;</p>\n'
    )


@pytest.mark.parametrize("link", ["javascript:alert(1)", "data:text/html,hi", "vbscript:x"])
def test_dangerous_link_schemes_are_dropped(link):
    assert "href" not in render_markdown(f"[click]({link})")


class MarkupAudit(HTMLParser):
    """Collects every tag, attribute and URL that a browser would act on."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in ALLOWED_TAGS:
            self.problems.append(f"tag <{tag}>")
        for name, value in attrs:
            if name not in ALLOWED_ATTRIBUTES.get(tag, set()) and name != "rel":
                self.problems.append(f"attribute {name} on <{tag}>")
            if name in {"href", "src"} and value:
                scheme = value.split(":", 1)[0].strip().lower() if ":" in value else ""
                if scheme and scheme not in URL_SCHEMES:
                    self.problems.append(f"{name}={value!r}")


def test_no_payload_from_the_xss_corpus_survives_as_markup():
    payloads = xss_payloads()
    assert len(payloads) > 1000
    for payload in payloads:
        audit = MarkupAudit()
        audit.feed(render_markdown(payload))
        assert audit.problems == [], payload


@given(st.text())
def test_any_text_renders_without_error(text):
    assert isinstance(render_markdown(text), str)
