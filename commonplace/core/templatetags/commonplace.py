from datetime import timedelta

from django import template
from django.utils import timezone
from django.utils.timesince import timesince

register = template.Library()


@register.filter
def region_name(slug: str) -> str:
    from commonplace.core.selectors import region_name as name_of

    return name_of(slug or "")


@register.filter
def duration_words(value: timedelta) -> str:
    """A duration as people say it ("2 days, 3 hours"), in the active language."""
    if not isinstance(value, timedelta):
        return ""
    now = timezone.now()
    return timesince(now - value, now)
