import os
import signal
import subprocess
import sys
import time

from django.conf import settings
from django.core.management.base import BaseCommand

from commonplace.core import seeding


class Command(BaseCommand):
    help = "Start the web server and the task worker together (development). Ctrl-C stops both."

    def add_arguments(self, parser):
        parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
        parser.add_argument("--port", default=os.environ.get("PORT", "8000"))

    def handle(self, *args, host: str, port: str, **options):
        manage = [sys.executable, str(settings.BASE_DIR / "manage.py")]
        children = [
            subprocess.Popen([*manage, "runserver", f"{host}:{port}"]),  # noqa: S603
            subprocess.Popen([*manage, "worker"]),  # noqa: S603
        ]
        time.sleep(1.5)
        self._announce(host, port)
        try:
            while all(child.poll() is None for child in children):
                time.sleep(0.5)
        except KeyboardInterrupt:
            pass
        finally:
            # Ctrl-C reaches the children too (one terminal, one process group); give them a
            # moment to stop gracefully before asking, so a running task can finish.
            deadline = time.monotonic() + 5
            while any(child.poll() is None for child in children) and time.monotonic() < deadline:
                time.sleep(0.2)
            for child in children:
                if child.poll() is None:
                    child.send_signal(signal.SIGTERM)
            for child in children:
                try:
                    child.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    child.kill()
        self.stdout.write("Stopped the web server and the task worker.")

    def _announce(self, host: str, port: str) -> None:
        shown_host = "127.0.0.1" if host in {"0.0.0.0", "::"} else host  # noqa: S104
        lines = ["", f"  Commonplace is running at http://{shown_host}:{port}/", ""]
        logins = seeding.load_demo_logins()
        if logins and settings.DEBUG:
            lines.append("  Demo logins:")
            lines += [
                f"    {login.role:<14} {login.email:<34} {login.password}" for login in logins
            ]
            lines.append("")
        lines.append("  Press Ctrl-C to stop the server and the worker.")
        self.stdout.write(self.style.SUCCESS("\n".join(lines)))
