"""Years of steward decisions for ``make bench``, so the audit log is measured at a real size."""

import random
from collections.abc import Callable
from datetime import timedelta

from django.utils import timezone

from commonplace.accounts.models import Role
from commonplace.accounts.scale import SCALE_DOMAIN, scale_users
from commonplace.core.models import AuditEntry, Page

BATCH_SIZE = 2000
# The log covers two years, newest first, as a community that has run for a while would have.
SPAN = timedelta(days=2 * 365)

# (verb, kind of record, weight): mostly membership decisions, some moderation, rare edits.
VERBS = [
    ("join_request.approve", "membership.joinrequest", 30),
    ("join_request.decline", "membership.joinrequest", 6),
    ("invitation.send", "membership.invitation", 12),
    ("reply.hide", "conversations.reply", 10),
    ("topic.hide", "conversations.topic", 4),
    ("topic.move", "conversations.topic", 6),
    ("member.deactivate", "accounts.user", 3),
    ("member.reactivate", "accounts.user", 1),
    ("member.role_change", "accounts.user", 1),
    ("resource.feature", "library.resource", 5),
    ("page.update", "core.page", 1),
]
NOTES = [
    "",
    "",
    "",
    "Works with a hospice volunteer program in the region.",
    "Duplicate of an earlier request; the person already has an account.",
    "Off-topic for this space; moved after a friendly note to the author.",
    "Asked by the member themselves.\nThey may come back next year.",
    "Shares personal health details of someone else without consent.",
    "Approved after a short call with the local coordinator.",
]


def seed(log: Callable[[str], None], options: dict) -> None:
    """Write ``options["audit_entries"]`` audit entries by the scale stewards (twice the members
    when not given). Counts the entries by scale stewards first, and only adds what is missing.
    """
    wanted: int | None = options.get("audit_entries")
    if wanted is None:
        wanted = 2 * options["members"]
    existing = AuditEntry.objects.filter(actor__email__endswith=f"@{SCALE_DOMAIN}").count()
    if existing >= wanted:
        log(f"The {wanted:,} scale audit entries already exist")
        return
    stewards = list(scale_users().filter(role=Role.STEWARD).values_list("id", "name"))
    members = list(scale_users().filter(role=Role.MEMBER).values_list("id", "name"))
    pages = list(Page.objects.values_list("id", "title_en"))
    if not stewards or not members:
        log("No scale stewards or members to write audit entries for; skipped")
        return

    rng = random.Random(20_250_602)
    verbs, kinds, weights = zip(*VERBS, strict=True)
    missing = wanted - existing
    now = timezone.now()
    # Even steps back in time from now, with jitter, so the newest entries are spread too.
    step = SPAN / missing
    entries = []
    for number in range(missing):
        choice = rng.choices(range(len(verbs)), weights=weights)[0]
        actor_id, actor_name = rng.choice(stewards)
        if kinds[choice] == "core.page" and pages:
            target_id, target_label = rng.choice(pages)
        else:
            target_id, target_label = rng.choice(members)
        entries.append(
            AuditEntry(
                created_at=now - step * number - timedelta(seconds=rng.randrange(60)),
                actor_id=actor_id,
                actor_name=actor_name,
                verb=verbs[choice],
                target_type=kinds[choice],
                target_id=str(target_id),
                target_label=target_label,
                note=rng.choice(NOTES),
            )
        )
    AuditEntry.objects.bulk_create(entries, batch_size=BATCH_SIZE)
    log(f"Wrote {missing:,} audit entries by {len(stewards)} stewards over two years")
