"""Every change to profiles, consents, contributions and a member's own data."""

import hashlib
import secrets
from collections.abc import Mapping
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import TextField
from django.db.models.functions import Cast
from django.utils import timezone

from commonplace.accounts.models import Consent, User
from commonplace.accounts.services import consent_record
from commonplace.core import audit
from commonplace.core.models import FocusArea
from commonplace.people.models import (
    VISIBILITY_DEFAULTS,
    Contribution,
    DataExport,
    Profile,
    ProfileArea,
)

PROFILE_TEXT_FIELDS = [
    "pronouns", "organization", "role_title", "province", "city", "time_zone", "bio",
    "expertise", "interests", "links", "initiative", "goals",
]  # fmt: skip


def profile_for(user: User) -> Profile:
    """The member's profile, created empty (and unlisted) the first time it is needed."""
    profile, _created = Profile.objects.get_or_create(
        user=user, defaults={"visibility": dict(VISIBILITY_DEFAULTS)}
    )
    return profile


def _reindex(profile: Profile) -> None:
    from commonplace.people.tasks import index_profile

    transaction.on_commit(lambda: index_profile.enqueue(profile.pk))


@transaction.atomic
def profile_update(
    *,
    user: User,
    fields: dict[str, str],
    organization_type=None,
    languages=None,
    areas: Mapping[str, list[FocusArea]] | None = None,
    visibility: dict[str, str] | None = None,
    name: str | None = None,
    language: str | None = None,
    accepts_messages: bool | None = None,
    complete: bool = False,
) -> Profile:
    """Save what a member says about themselves. Only the arguments given are changed.

    ``fields`` holds plain text fields (exactly as typed), ``areas`` maps a ProfileArea relation
    to its focus areas, ``visibility`` maps field names to members/stewards/nobody.
    """
    profile = profile_for(user)
    for key, value in fields.items():
        if key not in PROFILE_TEXT_FIELDS:
            raise ValueError(f"{key} is not a profile text field")
        setattr(profile, key, value)
    if organization_type is not None or "organization_type" in (visibility or {}):
        profile.organization_type = organization_type
    if visibility is not None:
        profile.visibility = {
            key: visibility.get(key, profile.visibility_of(key)) for key in VISIBILITY_DEFAULTS
        }
    if accepts_messages is not None:
        profile.accepts_messages = accepts_messages
    if complete and profile.completed_at is None:
        profile.completed_at = timezone.now()
    profile.save()
    if languages is not None:
        profile.languages.set(languages)
    if areas is not None:
        ProfileArea.objects.filter(profile=profile, relation__in=list(areas)).delete()
        ProfileArea.objects.bulk_create(
            ProfileArea(profile=profile, area=area, relation=relation)
            for relation, chosen in areas.items()
            for area in chosen
        )
    changed = []
    if name is not None and name != user.name:
        user.name = name
        changed.append("name")
    if language and language != user.language:
        user.language = language
        changed.append("language")
    if changed:
        user.save(update_fields=changed)
    _reindex(profile)
    return profile


@transaction.atomic
def photo_upload(*, user: User, upload) -> Profile:
    """Keep the uploaded file aside; the worker turns it into the profile photo."""
    from commonplace.people.tasks import process_photo

    profile = profile_for(user)
    if profile.photo_upload:
        profile.photo_upload.delete(save=False)
    profile.photo_upload.save(f"{user.pk}-{secrets.token_hex(8)}", upload, save=True)
    transaction.on_commit(lambda: process_photo.enqueue(profile.pk))
    return profile


@transaction.atomic
def photo_remove(*, user: User) -> None:
    profile = profile_for(user)
    for stored in (profile.photo, profile.photo_upload):
        if stored:
            stored.delete(save=False)
    profile.save()


@transaction.atomic
def consent_change(*, user: User, kind: str, given: bool, wording: str, source: str) -> Consent:
    """Record a consent given or withdrawn, and apply it at once.

    Withdrawing "directory" takes the member out of the directory and "who knows what" in the
    same transaction (both filter on ``Profile.in_directory``) and drops their search entries.
    """
    consent = consent_record(
        email=user.email,
        user=user,
        kind=kind,
        given=given,
        wording=wording,
        wording_version=f"{source}:{kind}:1",
        source=source,
    )
    if kind == Consent.Kind.DIRECTORY:
        profile = profile_for(user)
        profile.in_directory = given
        profile.save(update_fields=["in_directory", "updated_at"])
        if not given:
            from commonplace.search.services import remove

            remove(kind="profile", object_id=profile.pk)
        else:
            _reindex(profile)
    return consent


def contribution_record(
    *,
    member: User,
    kind: str,
    title: str,
    focus_areas=(),
    url: str = "",
    source: str = "",
    source_id: str = "",
    occurred_at=None,
) -> Contribution:
    """Note something a member did, as evidence for "who knows what".

    Features call this when an answer is accepted, a resource shared, an event hosted… It is
    idempotent per (member, kind, source, source_id): recording the same act again updates it.
    """
    with transaction.atomic():
        contribution, _created = Contribution.objects.update_or_create(
            member=member,
            kind=kind,
            source=source,
            source_id=str(source_id),
            defaults={
                "title": title[:300],
                "url": url,
                "occurred_at": occurred_at or timezone.now(),
            },
        )
        contribution.focus_areas.set(list(focus_areas))
    return contribution


def contribution_withdraw(*, source: str, source_id: str) -> int:
    """Take back what ``contribution_record`` noted for (source, source_id): an answer no longer
    accepted, a resource deleted. Returns how many entries went."""
    deleted, _rows = Contribution.objects.filter(source=source, source_id=str(source_id)).delete()
    return deleted


def _token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def data_export_request(*, member: User) -> tuple[DataExport, str]:
    """Start building the member's data download; returns the export and its secret token."""
    from commonplace.people.tasks import build_data_export

    token = secrets.token_urlsafe(32)
    export = DataExport.objects.create(
        member=member,
        token_hash=_token_digest(token),
        expires_at=timezone.now() + timedelta(days=settings.DATA_EXPORT_DAYS),
    )
    transaction.on_commit(lambda: build_data_export.enqueue(export.pk))
    return export, token


def data_exports_expire() -> int:
    """Delete the files and rows of data downloads whose link has expired; returns how many.

    A copy of everything stored about a member should not outlive the promise made to them.
    """
    expired = list(DataExport.objects.filter(expires_at__lte=timezone.now()))
    files = [export.file for export in expired if export.file]
    DataExport.objects.filter(pk__in=[export.pk for export in expired]).delete()
    _delete_files(files)
    return len(expired)


def data_export_for_token(*, member: User, token: str) -> DataExport | None:
    export = DataExport.objects.filter(member=member, token_hash=_token_digest(token)).first()
    if export is None or export.is_expired or not export.ready_at:
        return None
    return export


def _delete_files(files: list) -> None:
    for stored in files:
        stored.storage.delete(stored.name)


@transaction.atomic
def account_delete(*, member: User, remove_content: bool = False) -> None:
    """Delete a member's account and personal data for good (PIPEDA).

    Removes the profile and photo, consents, contributions, their places in private
    conversations, data exports, join requests and queued emails under their address, and the
    search entries. Names kept in logs are replaced by "former member". Content they wrote for
    the community stays, credited to a former member, unless ``remove_content``: each feature
    does its part through the functions registered in ``accounts.deletion``. Private messages
    always stay with the people they were sent to, as a letter would.
    """
    from commonplace.core.models import AuditEntry
    from commonplace.membership.models import JoinRequest, JoinRequestEvent
    from commonplace.notifications.models import OutboxMessage
    from commonplace.search.services import remove

    files = []
    profile = Profile.objects.filter(user=member).first()
    if profile is not None:
        remove(kind="profile", object_id=profile.pk)
        files += [stored for stored in (profile.photo, profile.photo_upload) if stored]
    files += [export.file for export in DataExport.objects.filter(member=member) if export.file]
    # Files go only once the rows are gone for good: a rollback must not leave rows without files.
    transaction.on_commit(lambda: _delete_files(files))
    email = member.email.lower()
    former = "former member"
    requests = JoinRequest.objects.filter(email__iexact=email)
    request_ids = [str(pk) for pk in requests.values_list("pk", flat=True)]
    AuditEntry.objects.filter(
        target_type="membership.joinrequest", target_id__in=request_ids
    ).update(target_label=former)
    AuditEntry.objects.filter(target_type="accounts.user", target_id=str(member.pk)).update(
        target_label=former
    )
    AuditEntry.objects.filter(actor=member).update(actor_name=former)
    JoinRequestEvent.objects.filter(actor=member).update(actor_name=former)
    requests.delete()
    Consent.objects.filter(email__iexact=email).delete()
    OutboxMessage.objects.annotate(addresses=Cast("recipients", TextField())).filter(
        addresses__icontains=email
    ).delete()
    # Each feature undoes the member's part in it (counts, credits, files) and, if asked,
    # removes what they wrote; see accounts/deletion.py.
    from commonplace.accounts import deletion

    deletion.forget_everywhere(member=member, remove_content=remove_content)
    audit.record(None, "member.delete_own_account", note=f"content removed: {remove_content}")
    member.delete()


@transaction.atomic
def member_set_active(*, steward: User, member: User, active: bool, note: str = "") -> User:
    """Deactivate or reactivate a member; recorded in the audit log."""
    member.is_active = active
    member.save(update_fields=["is_active"])
    audit.record(steward, "member.reactivate" if active else "member.deactivate", member, note)
    if profile := Profile.objects.filter(user=member).first():
        _reindex(profile)
    return member
