"""Everything stored about one member, for their own download (PIPEDA's right of access).

Only ever built for the member themselves: it includes fields they hid from others.
"""

from commonplace.accounts.models import Consent, User


def everything_about(member: User) -> dict:
    from allauth.account.models import EmailAddress

    from commonplace.conversations.models import Attachment
    from commonplace.library.selectors import for_data_download as library_data
    from commonplace.membership.models import JoinRequest
    from commonplace.notifications.models import EmailPreference, Notification
    from commonplace.people.models import Contribution, MemberMessage, Profile
    from commonplace.private_messages.selectors import for_data_download

    profile = (
        Profile.objects.select_related("organization_type")
        .prefetch_related("languages", "area_links__area")
        .filter(user=member)
        .first()
    )
    data: dict = {
        "account": {
            "email": member.email,
            "name": member.name,
            "role": member.role,
            "language": member.language,
            "joined": member.date_joined.isoformat(),
            "last_login": member.last_login.isoformat() if member.last_login else None,
            "email_addresses": [
                {"email": address.email, "verified": address.verified, "primary": address.primary}
                for address in EmailAddress.objects.filter(user=member)
            ],
        },
        "profile": None,
        "consents": [
            {
                "consent": consent.kind,
                "given": consent.given,
                "wording": consent.wording,
                "wording_version": consent.wording_version,
                "where": consent.source,
                "when": consent.recorded_at.isoformat(),
            }
            for consent in Consent.objects.filter(user=member).order_by("recorded_at")
        ],
        "contributions": [
            {
                "kind": contribution.kind,
                "title": contribution.title,
                "when": contribution.occurred_at.isoformat(),
            }
            for contribution in Contribution.objects.filter(member=member)
        ],
        "join_requests": [
            {
                "sent": request.submitted_at.isoformat(),
                "status": request.status,
                "name": request.name,
                "organization": request.organization,
                "initiative": request.initiative,
                "goals": request.goals,
                "province": request.province,
                "language": request.language,
            }
            for request in JoinRequest.objects.filter(email__iexact=member.email)
        ],
        # Who caused each notification is another member's data, so it is left out.
        "notifications": [
            {
                "kind": notification.kind,
                "title": notification.title,
                "excerpt": notification.excerpt,
                "when": notification.created_at.isoformat(),
                "read": notification.read_at.isoformat() if notification.read_at else None,
                "emailed": notification.emailed_at.isoformat() if notification.emailed_at else None,
            }
            for notification in Notification.objects.filter(recipient=member).order_by(
                "created_at", "pk"
            )
        ],
        # Only the choices the member made; every other kind is emailed, the default.
        "email_preferences": [
            {"kind": preference.kind, "email": preference.email}
            for preference in EmailPreference.objects.filter(member=member).order_by("kind")
        ],
        # The files themselves stay with the posts they were attached to; their names, which
        # the member typed, come here.
        "attachments": [
            {
                "name": attachment.original_name,
                "kind": attachment.kind,
                "size": attachment.size,
                "when": attachment.created_at.isoformat(),
                "topic": attachment.topic_id,
                "reply": attachment.reply.number if attachment.reply else None,
            }
            for attachment in Attachment.objects.filter(uploaded_by=member).select_related("reply")
        ],
        "messages_sent": MemberMessage.objects.filter(sender=member).count(),
        "messages_received": MemberMessage.objects.filter(recipient=member).count(),
        # Whole for the conversations they are in; their own messages only from those they left.
        "private_conversations": for_data_download(member),
        "library": library_data(member),
    }
    if profile is not None:
        data["profile"] = {
            "pronouns": profile.pronouns,
            "organization": profile.organization,
            "organization_type": str(profile.organization_type or ""),
            "role_title": profile.role_title,
            "province": profile.province,
            "city": profile.city,
            "time_zone": profile.time_zone,
            "languages": [str(language) for language in profile.languages.all()],
            "bio": profile.bio,
            "focus_areas": [
                {"area": str(link.area), "relation": link.relation}
                for link in profile.area_links.all()
            ],
            "expertise": profile.expertise,
            "interests": profile.interests,
            "links": profile.link_list(),
            "initiative": profile.initiative,
            "goals": profile.goals,
            "who_sees_what": {key: profile.visibility_of(key) for key in profile.visibility or {}},
            "listed_in_directory": profile.in_directory,
            "accepts_messages": profile.accepts_messages,
            "has_photo": bool(profile.photo),
        }
    return data
