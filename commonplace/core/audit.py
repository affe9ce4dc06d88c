"""One record of every steward decision and moderation act."""

from django.core.cache import cache
from django.db import models

from commonplace.core.models import AuditEntry


def record(actor, verb: str, target: models.Model | None = None, note: str = "") -> AuditEntry:
    """Write an audit entry: ``verb`` a stable word (``page.update``), ``note`` free text.

    Call it inside the service's transaction so the decision and its record stand or fall together.
    """
    known = cache.get("core:audit-verbs")
    if known is not None and verb not in known:
        cache.delete("core:audit-verbs")  # a new kind of action appears in the filter at once
    return AuditEntry.objects.create(
        actor=actor if getattr(actor, "pk", None) else None,
        actor_name=(actor.display_name if getattr(actor, "pk", None) else "") or "",
        verb=verb,
        target_type=target._meta.label_lower if target is not None else "",
        target_id=str(target.pk) if target is not None else "",
        target_label=str(target)[:300] if target is not None else "",
        note=note,
    )
