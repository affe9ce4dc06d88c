"""A fixed-window counter in the cache, for forms that strangers can send.

``hit(scope, key, limit, window)`` counts one attempt and says whether it is still allowed.
Keys are hashed so an email address or IP never sits in the cache in clear.
"""

import hashlib
import time
from dataclasses import dataclass

from django.core.cache import cache


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    retry_after: int  # seconds until the window resets (0 when allowed)


def hit(scope: str, key: str, *, limit: int, window: int) -> Verdict:
    now = int(time.time())
    window_start = now - now % window
    digest = hashlib.sha256(key.strip().lower().encode()).hexdigest()[:32]
    cache_key = f"ratelimit:{scope}:{digest}:{window_start}"
    cache.add(cache_key, 0, timeout=window + 5)
    try:
        count = cache.incr(cache_key)
    except ValueError:  # evicted between add and incr
        cache.set(cache_key, 1, timeout=window + 5)
        count = 1
    if count > limit:
        return Verdict(allowed=False, retry_after=window_start + window - now)
    return Verdict(allowed=True, retry_after=0)


def client_ip(request) -> str:
    """The client's address; behind a proxy, the first X-Forwarded-For hop it appended."""
    from django.conf import settings

    if getattr(settings, "SECURE_PROXY_SSL_HEADER", None):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")
