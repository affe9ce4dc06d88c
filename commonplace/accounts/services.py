from commonplace.accounts.models import Consent, User


def consent_record(
    *,
    email: str,
    kind: str,
    given: bool,
    wording: str,
    wording_version: str,
    source: str,
    user: User | None = None,
) -> Consent:
    """Add a row to the consent ledger (never edit one)."""
    return Consent.objects.create(
        email=email.lower(),
        user=user,
        kind=kind,
        given=given,
        wording=wording,
        wording_version=wording_version,
        source=source,
    )


def consents_claim(*, user: User) -> int:
    """Link consents given under the person's email before they had an account."""
    return Consent.objects.filter(email=user.email.lower(), user__isnull=True).update(user=user)
