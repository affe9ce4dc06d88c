"""Every change to join requests and invitations. Each runs in one transaction, then queues
its emails through the outbox (which commits with it, so a decision and its email stand or fall
together)."""

from dataclasses import dataclass
from datetime import timedelta

from allauth.account.models import EmailAddress
from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.db.models.functions import Coalesce
from django.utils import timezone

from commonplace.accounts.models import Consent, Role, User
from commonplace.accounts.services import consent_record, consents_claim
from commonplace.core import audit
from commonplace.core.models import FocusArea
from commonplace.membership.models import (
    Invitation,
    JoinRequest,
    JoinRequestEvent,
    new_token,
    token_digest,
)
from commonplace.notifications.email import send_templated
from commonplace.people.models import Contribution, ProfileArea
from commonplace.people.services import (
    consent_change,
    contribution_record,
    profile_for,
    profile_update,
)


class AlreadyDecided(Exception):
    """Another steward decided this request first; ``request`` says who and when."""

    def __init__(self, request: JoinRequest):
        super().__init__(f"Join request {request.pk} was already decided")
        self.request = request


class InvitationUnusable(Exception):
    pass


def _event(request: JoinRequest, kind: str, actor=None, message: str = "") -> JoinRequestEvent:
    return JoinRequestEvent.objects.create(
        request=request,
        kind=kind,
        actor=actor if getattr(actor, "pk", None) else None,
        actor_name=actor.display_name if getattr(actor, "pk", None) else "",
        message=message,
    )


@dataclass(frozen=True)
class JoinAnswers:
    """What a visitor wrote on the join form, exactly as typed."""

    name: str
    email: str
    organization: str
    initiative: str
    goals: str
    language: str
    province: str
    consent_news: bool

    def as_text(self) -> str:
        return "\n\n".join(
            part
            for part in (self.name, self.organization, self.initiative, self.goals)
            if part.strip()
        )


def join_request_submit(
    *, answers: JoinAnswers, consent_wording: dict[str, str]
) -> JoinRequest | None:
    """Store a request to join, then acknowledge it by email in the applicant's language.

    Returns the stored request, or None when the address already belongs to an account (that
    person gets an email about logging in instead). A second submission from an address whose
    request is still open adds its answers to that request's history instead of a new row, and
    the email says when the first one arrived. The visitor's screen is the same in every case.
    """
    email = answers.email.strip().lower()
    if User.objects.filter(email__iexact=email).exists():
        send_templated(
            "membership/email/already_member",
            to=[email],
            language=answers.language,
            context={"name": answers.name},
        )
        return None
    # Two tries: the open request that blocked the first may be decided before the second.
    for _attempt in range(2):
        try:
            with transaction.atomic():
                request = JoinRequest.objects.create(
                    name=answers.name,
                    email=email,
                    organization=answers.organization,
                    initiative=answers.initiative,
                    goals=answers.goals,
                    language=answers.language,
                    province=answers.province,
                    consent_news=answers.consent_news,
                )
                _event(request, JoinRequestEvent.Kind.SUBMITTED)
                _record_consents(request, answers.consent_news, consent_wording)
                send_templated(
                    "membership/email/acknowledgement",
                    to=[email],
                    language=answers.language,
                    context={"request": request},
                )
                return request
        except IntegrityError:
            pass  # an open request from this address exists (maybe sent a moment ago)
        with transaction.atomic():
            existing = JoinRequest.objects.filter(email=email, status__in=JoinRequest.OPEN).first()
            if existing is not None:
                _event(existing, JoinRequestEvent.Kind.SUBMITTED_AGAIN, message=answers.as_text())
                _record_consents(existing, answers.consent_news, consent_wording)
                send_templated(
                    "membership/email/already_requested",
                    to=[email],
                    language=answers.language,
                    context={"request": existing},
                )
                return existing
    raise RuntimeError(f"Could not store or find the join request from {email}")


def _record_consents(request: JoinRequest, consent_news: bool, wording: dict[str, str]) -> None:
    version = f"join-form:{request.language}"
    consent_record(
        email=request.email,
        kind=Consent.Kind.CONTACT,
        given=True,
        wording=wording["contact"],
        wording_version=version,
        source="join form",
    )
    consent_record(
        email=request.email,
        kind=Consent.Kind.NEWS,
        given=consent_news,
        wording=wording["news"],
        wording_version=version,
        source="join form",
    )


def _decide(request: JoinRequest, *, status: str, steward, final: bool) -> JoinRequest:
    """Move an open request to ``status`` if, and only if, nobody else decided it first.

    The conditional UPDATE is the lock: of two stewards clicking at once, exactly one changes
    the row; the other gets AlreadyDecided with the winner's name.
    """
    now = timezone.now()
    changes = {
        "status": status,
        "first_response_at": Coalesce(F("first_response_at"), now),
    }
    if final:
        changes |= {"decided_at": now, "decided_by": steward}
    updated = JoinRequest.objects.filter(pk=request.pk, status__in=JoinRequest.OPEN).update(
        **changes
    )
    request.refresh_from_db()
    if not updated:
        raise AlreadyDecided(request)
    return request


def _invite(request: JoinRequest | None, *, email, name, language, role, steward) -> Invitation:
    token, digest = new_token()
    invitation = Invitation.objects.create(
        email=email,
        name=name,
        language=language,
        role=role,
        token_hash=digest,
        join_request=request,
        created_by=steward if getattr(steward, "pk", None) else None,
        expires_at=timezone.now() + timedelta(days=settings.INVITATION_DAYS),
    )
    send_templated(
        "membership/email/invitation",
        to=[email],
        language=language,
        context={"name": name, "token": token, "expires_at": invitation.expires_at},
    )
    return invitation


@transaction.atomic
def join_request_approve(*, request: JoinRequest, steward, message: str = "") -> Invitation:
    """Approve an open request and email a single-use invitation that expires."""
    _decide(request, status=JoinRequest.Status.APPROVED, steward=steward, final=True)
    invitation = _invite(
        request,
        email=request.email,
        name=request.name,
        language=request.language,
        role=Role.MEMBER,
        steward=steward,
    )
    _event(request, JoinRequestEvent.Kind.APPROVED, steward, message)
    audit.record(steward, "join_request.approve", request, note=message)
    return invitation


@transaction.atomic
def join_request_decline(*, request: JoinRequest, steward, message: str = "") -> JoinRequest:
    """Decline an open request; the applicant gets ``message`` if there is one."""
    _decide(request, status=JoinRequest.Status.DECLINED, steward=steward, final=True)
    _event(request, JoinRequestEvent.Kind.DECLINED, steward, message)
    audit.record(steward, "join_request.decline", request, note=message)
    if message.strip():
        send_templated(
            "membership/email/declined",
            to=[request.email],
            language=request.language,
            context={"request": request, "message": message},
        )
    return request


@transaction.atomic
def join_request_ask(*, request: JoinRequest, steward, message: str) -> JoinRequest:
    """Ask the applicant a question; they answer through a link, without an account."""
    _decide(request, status=JoinRequest.Status.AWAITING_INFORMATION, steward=steward, final=False)
    token, digest = new_token()
    request.information_token_hash = digest
    request.information_requested_at = timezone.now()
    request.save(update_fields=["information_token_hash", "information_requested_at"])
    _event(request, JoinRequestEvent.Kind.INFORMATION_REQUESTED, steward, message)
    audit.record(steward, "join_request.ask", request, note=message)
    send_templated(
        "membership/email/more_information",
        to=[request.email],
        language=request.language,
        context={"request": request, "message": message, "token": token},
    )
    return request


def request_for_answer_token(token: str) -> JoinRequest | None:
    """The request awaiting an answer through this link, if the link is still good."""
    if not token:
        return None
    request = JoinRequest.objects.filter(
        information_token_hash=token_digest(token),
        status=JoinRequest.Status.AWAITING_INFORMATION,
    ).first()
    if request is None or request.information_requested_at is None:
        return None
    if request.information_requested_at < timezone.now() - timedelta(
        days=settings.INVITATION_DAYS * 2
    ):
        return None
    return request


@transaction.atomic
def join_request_answer(*, request: JoinRequest, answer: str) -> JoinRequest:
    """Append the applicant's answer and put the request back in the stewards' queue."""
    updated = JoinRequest.objects.filter(
        pk=request.pk,
        status=JoinRequest.Status.AWAITING_INFORMATION,
        information_token_hash=request.information_token_hash,
    ).update(
        status=JoinRequest.Status.NEW,
        information_token_hash="",
        stewards_notified_at=None,
    )
    if not updated:
        raise InvitationUnusable("This question was already answered.")
    request.refresh_from_db()
    _event(request, JoinRequestEvent.Kind.INFORMATION_RECEIVED, message=answer)
    return request


@transaction.atomic
def join_request_note(*, request: JoinRequest, steward, message: str) -> JoinRequestEvent:
    return _event(request, JoinRequestEvent.Kind.NOTE, steward, message)


@transaction.atomic
def invitation_resend(*, request: JoinRequest, steward) -> Invitation:
    """Replace the approved request's invitation with a fresh one (the old link stops working)."""
    if request.status != JoinRequest.Status.APPROVED:
        raise InvitationUnusable("Only approved requests have invitations.")
    if request.invitations.filter(used_at__isnull=False).exists():
        raise InvitationUnusable("This person has already joined.")
    request.invitations.filter(used_at__isnull=True, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )
    JoinRequest.objects.filter(pk=request.pk).update(new_invitation_wanted_at=None)
    invitation = _invite(
        request,
        email=request.email,
        name=request.name,
        language=request.language,
        role=Role.MEMBER,
        steward=steward,
    )
    _event(request, JoinRequestEvent.Kind.INVITATION_RESENT, steward)
    audit.record(steward, "join_request.resend_invitation", request)
    return invitation


@transaction.atomic
def invitation_send(
    *, email: str, name: str, language: str, role: str, administrator
) -> Invitation:
    """An administrator invites someone directly, without a join request."""
    invitation = _invite(
        None,
        email=email.strip().lower(),
        name=name,
        language=language,
        role=role,
        steward=administrator,
    )
    audit.record(administrator, "invitation.send", invitation, note=f"{role}: {email}")
    return invitation


def invitation_for_token(token: str) -> Invitation | None:
    """The invitation this token opens, usable or not; None for a token that never existed."""
    if not token:
        return None
    return (
        Invitation.objects.select_related("join_request")
        .filter(token_hash=token_digest(token))
        .first()
    )


@transaction.atomic
def invitation_accept(*, invitation: Invitation, name: str, password: str) -> User:
    """Create the member's account from an invitation, once.

    The account is active, with a verified email (the invitation proved it), the role the
    invitation carried, the consents given on the join form, and a profile pre-filled from the
    request.
    """
    now = timezone.now()
    claimed = Invitation.objects.filter(
        pk=invitation.pk, used_at__isnull=True, revoked_at__isnull=True, expires_at__gt=now
    ).update(used_at=now)
    if not claimed:
        raise InvitationUnusable("This invitation was already used, replaced or has expired.")
    if User.objects.filter(email__iexact=invitation.email).exists():
        raise InvitationUnusable("An account already uses this email address.")
    user = User.objects.create_user(
        invitation.email, password, name=name, role=invitation.role, language=invitation.language
    )
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    consents_claim(user=user)
    profile_for(user)
    request = invitation.join_request
    if request is not None:
        profile_update(
            user=user,
            fields={
                "organization": request.organization,
                "province": request.province,
                "initiative": request.initiative,
                "goals": request.goals,
            },
        )
        if request.initiative.strip():
            # The initiative they described is their first piece of evidence for
            # "who knows what"; its focus areas are added on the profile step.
            contribution_record(
                member=user,
                kind=Contribution.Kind.INITIATIVE,
                title=request.initiative.strip().splitlines()[0],
                source="membership.joinrequest",
                source_id=str(request.pk),
            )
        _event(request, JoinRequestEvent.Kind.JOINED, user)
    return user


@transaction.atomic
def onboarding_complete(*, member: User, answers: dict, directory_wording: str) -> None:
    """Save the profile step of joining: the profile, its focus areas, the directory choice."""
    areas = list(FocusArea.objects.filter(slug__in=answers["works_on"]))
    profile_update(
        user=member,
        fields={key: answers[key] for key in ("organization", "province", "initiative", "goals")},
        areas={ProfileArea.Relation.WORKS_ON: areas},
        language=answers["language"],
        complete=True,
    )
    consent_change(
        user=member,
        kind=Consent.Kind.DIRECTORY,
        given=answers["in_directory"] == "yes",
        wording=directory_wording,
        source="joining",
    )
    initiative = Contribution.objects.filter(
        member=member, kind=Contribution.Kind.INITIATIVE
    ).first()
    if initiative is not None:
        initiative.focus_areas.set(areas)


@transaction.atomic
def invitation_renewal_wanted(*, invitation: Invitation) -> None:
    """The invitee's link no longer works and they asked for another: tell the stewards."""
    request = invitation.join_request
    if request is None or request.new_invitation_wanted_at is not None:
        return
    if request.invitations.filter(used_at__isnull=False).exists():
        return
    JoinRequest.objects.filter(pk=request.pk).update(new_invitation_wanted_at=timezone.now())
    _event(request, JoinRequestEvent.Kind.NEW_INVITATION_WANTED)


@transaction.atomic
def wording_update(*, steward, question_forms, message_forms) -> None:
    """Save the join form's questions and the standard messages that stewards rewrote."""
    changed = []
    for form in [*question_forms, *message_forms]:
        if form.has_changed() or (form.instance.pk is None and any(form.cleaned_data.values())):
            form.save()
            changed.append(str(form.instance))
    if changed:
        audit.record(steward, "join_form.wording", note=", ".join(changed))


def steward_digest_recipients() -> list[User]:
    return list(
        User.objects.filter(is_active=True, role__in=[Role.STEWARD, Role.ADMINISTRATOR]).only(
            "email", "language", "name"
        )
    )
