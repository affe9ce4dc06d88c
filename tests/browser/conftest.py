"""Real Chromium through Playwright, with an axe-core check on every page a test visits.

The browser is the system Chromium (``CHROMIUM`` or /usr/bin/chromium) where it exists, and
Playwright's own download otherwise. ``visit(page, url)`` loads a page and runs axe on it; every
browser test goes through it or through ``check_accessibility`` after a navigation it causes.
"""

import os
import shutil
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.test import Client
from playwright.sync_api import Page, sync_playwright

WCAG_AA_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def chromium_path() -> str | None:
    for candidate in (os.environ.get("CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and Path(candidate).exists():
            return candidate
    return None


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path(),
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def context(browser):
    context = browser.new_context(locale="en-CA", viewport={"width": 1280, "height": 900})
    yield context
    context.close()


@pytest.fixture
def page(context, live_server):
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.base_url = live_server.url  # type: ignore[attr-defined]
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    page.on(
        "console",
        lambda message: (
            problems.append(f"console {message.type}: {message.text}")
            if message.type == "error"
            else None
        ),
    )
    page.script_problems = problems  # type: ignore[attr-defined]
    yield page
    assert problems == [], problems


_axe = Axe()


def check_accessibility(page: Page) -> None:
    """Fail with a readable list if axe-core finds any WCAG 2.1 A/AA violation on the page."""
    results = _axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_AA_TAGS}})
    violations = results.response["violations"]
    assert violations == [], f"{page.url}\n{results.generate_report()}"


def click_and_check(page: Page, locator) -> None:
    """Click something that loads a page, wait for it, and run axe on what arrives."""
    with page.expect_navigation():
        locator.click()
    check_accessibility(page)


def visit(page: Page, path: str) -> Page:
    page.goto(page.base_url + path)  # type: ignore[attr-defined]
    check_accessibility(page)
    return page


def log_in_as(page: Page, user) -> None:
    """Give the browser a logged-in session cookie, as if the person had just logged in.

    For journeys that are not about logging in; tests/browser/test_foundation.py logs in
    through the real form.
    """
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": page.base_url}])  # type: ignore[attr-defined]
    assert client.session[SESSION_KEY] == str(user.pk)
