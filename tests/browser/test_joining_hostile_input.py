"""Script payloads sent through the join form never run when a steward reads them."""

from pathlib import Path

import pytest

from commonplace.membership.models import JoinRequest
from tests.browser.conftest import click_and_check, visit
from tests.browser.test_joining import log_in_as

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DATA = Path(__file__).resolve().parents[3] / "shared" / "data"
PAYLOADS = [
    line
    for line in (DATA / "xss-payloads.txt").read_text("utf-8", errors="replace").splitlines()
    if line.strip()
]
PER_REQUEST = 240


def test_no_payload_runs_in_the_queue_or_on_the_detail_pages(page, sam):
    chunks = [PAYLOADS[i : i + PER_REQUEST] for i in range(0, len(PAYLOADS), PER_REQUEST)]
    JoinRequest.objects.bulk_create(
        JoinRequest(
            name=chunk[0][:200],
            email=f"payload{index}@example.org",
            organization=chunk[1][:200],
            initiative="\n".join(chunk[: PER_REQUEST // 2]),
            goals="\n".join(chunk[PER_REQUEST // 2 :]),
            language="en",
        )
        for index, chunk in enumerate(chunks)
    )
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    log_in_as(page, sam)

    visit(page, "/en/join/requests/")
    queue_pages = 1
    while page.locator("a[rel=next]").count():
        # Wait for the next page to arrive: axe run mid-navigation finds no document.
        click_and_check(page, page.locator("a[rel=next]"))
        queue_pages += 1
    assert queue_pages == -(-len(chunks) // 25)

    for request in JoinRequest.objects.order_by("pk"):
        visit(page, f"/en/join/requests/{request.pk}/")
        assert page.locator(".answers").inner_text().count("\n") > 5
    assert dialogs == []
    assert page.evaluate("typeof window.xss === 'undefined'")
