"""Loaded by pytest before Django (``-p tests.environment``): development defaults for tests.

Django's test runner still turns DEBUG off while tests run; this only lets the settings module
load without a production SECRET_KEY and serve static files without collectstatic.
"""

import os

os.environ.setdefault("DEBUG", "true")
os.environ.setdefault("HTTPS", "false")
# Playwright's sync API runs an event loop in the test thread; Django must allow ORM calls there.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# WhiteNoise warns when STATIC_ROOT does not exist yet; tests never run collectstatic.
os.makedirs(
    os.path.join(os.path.dirname(os.path.dirname(__file__)), "var", "static"), exist_ok=True
)
