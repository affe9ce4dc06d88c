"""Demo and scale data, contributed by each app.

An app that has demo data defines ``demo.py`` with ``seed(log) -> list[DemoLogin]``; an app with
scale data defines ``scale.py`` with ``seed(log, options)``. The commands ``seed_demo`` and
``seed_scale`` call them in INSTALLED_APPS order, so an app can rely on the ones before it.
"""

import importlib
import importlib.util
import json
import os
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

from django.apps import apps
from django.conf import settings


@dataclass(frozen=True)
class DemoLogin:
    role: str
    name: str
    email: str
    password: str


def _app_modules(module_name: str) -> Iterator:
    for config in apps.get_app_configs():
        if not config.name.startswith("commonplace."):
            continue
        full_name = f"{config.name}.{module_name}"
        if importlib.util.find_spec(full_name) is not None:
            yield importlib.import_module(full_name)


def seed_demo(log: Callable[[str], None]) -> list[DemoLogin]:
    logins: list[DemoLogin] = []
    for module in _app_modules("demo"):
        logins.extend(module.seed(log) or [])
    return logins


def seed_scale(log: Callable[[str], None], options: dict) -> None:
    for module in _app_modules("scale"):
        module.seed(log, options)


def demo_logins_path() -> Path:
    return settings.VAR_DIR / "demo-logins.json"


def save_demo_logins(logins: list[DemoLogin]) -> None:
    path = demo_logins_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps([asdict(login) for login in logins], indent=2), encoding="utf-8")
    os.chmod(path, 0o600)


def load_demo_logins() -> list[DemoLogin]:
    try:
        return [DemoLogin(**row) for row in json.loads(demo_logins_path().read_text("utf-8"))]
    except (OSError, ValueError, TypeError):
        return []
