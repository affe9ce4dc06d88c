"""Who may see which part of a profile: the one place that decides it.

Views, templates, search documents, the directory's filters and exports all go through
``visible_profile`` or ``allowed_fields``, so a field a member hid never reaches a viewer who
may not see it, in any form.
"""

from dataclasses import dataclass, field

from django.db.models import Q

from commonplace.accounts.permissions import is_steward
from commonplace.people.models import VISIBILITY_DEFAULTS, Profile, ProfileArea, Visibility


def audiences_for(viewer) -> list[str]:
    """The visibility levels a viewer may read: members read "members"; stewards read both."""
    if is_steward(viewer):
        return [Visibility.MEMBERS, Visibility.STEWARDS]
    return [Visibility.MEMBERS]


def visible_q(field_name: str, audiences, prefix: str = "") -> Q:
    """A filter for profiles whose ``field_name`` the audiences may read (for use in queries).

    A profile that never chose keeps the default, so a missing key counts as the default.
    """
    lookup = f"{prefix}visibility__{field_name}"
    condition = Q(**{f"{lookup}__in": [str(audience) for audience in audiences]})
    if VISIBILITY_DEFAULTS[field_name] in audiences:
        condition |= Q(**{f"{lookup}__isnull": True})
    return condition


def may_see(profile: Profile, field_name: str, viewer) -> bool:
    if viewer is not None and getattr(viewer, "pk", None) == profile.user_id:
        return True  # people always see their own profile
    return profile.visibility_of(field_name) in audiences_for(viewer)


def allowed_fields(profile: Profile, viewer) -> set[str]:
    return {name for name in VISIBILITY_DEFAULTS if may_see(profile, name, viewer)}


@dataclass
class VisibleProfile:
    """One member as one viewer may see them: hidden fields are simply absent (None/empty)."""

    user_id: int
    name: str
    is_active: bool
    email: str | None = None
    pronouns: str | None = None
    has_photo: bool = False
    organization: str | None = None
    organization_type: object | None = None
    role_title: str | None = None
    province: str | None = None
    city: str | None = None
    time_zone: str | None = None
    languages: list = field(default_factory=list)
    bio: str | None = None
    works_on: list = field(default_factory=list)
    can_help: list = field(default_factory=list)
    wants_to_learn: list = field(default_factory=list)
    expertise: str | None = None
    interests: str | None = None
    links: list[str] = field(default_factory=list)
    initiative: str | None = None
    goals: str | None = None
    accepts_messages: bool = False

    @property
    def initials(self) -> str:
        parts = [part for part in self.name.split() if part[:1].isalnum()]
        return "".join(part[0] for part in parts[:2]).upper() or "?"


def visible_profile(profile: Profile, viewer) -> VisibleProfile:
    """Build what ``viewer`` may see of ``profile``.

    Expects ``profile.user``, ``organization_type``, ``languages`` and ``area_links__area`` to
    be preloaded (see people.selectors) so that listing many members stays at a few queries.
    """
    allowed = allowed_fields(profile, viewer)
    user = profile.user
    card = VisibleProfile(
        user_id=profile.user_id,
        name=user.display_name,
        is_active=user.is_active,
        accepts_messages=profile.accepts_messages,
    )
    simple = ["pronouns", "organization", "role_title", "province", "city", "time_zone", "bio"]
    simple += ["expertise", "interests", "initiative", "goals"]
    for name in simple:
        if name in allowed:
            setattr(card, name, getattr(profile, name))
    if "email" in allowed:
        card.email = user.email
    if "photo" in allowed:
        card.has_photo = bool(profile.photo)
    if "organization_type" in allowed:
        card.organization_type = profile.organization_type
    if "languages" in allowed:
        card.languages = list(profile.languages.all())
    if "links" in allowed:
        card.links = profile.link_list()
    links = list(profile.area_links.all())
    if "focus_areas" in allowed:
        card.works_on = [
            link.area for link in links if link.relation == ProfileArea.Relation.WORKS_ON
        ]
    if "expertise" in allowed:
        card.can_help = [
            link.area for link in links if link.relation == ProfileArea.Relation.CAN_HELP
        ]
    if "interests" in allowed:
        card.wants_to_learn = [
            link.area for link in links if link.relation == ProfileArea.Relation.WANTS_TO_LEARN
        ]
    return card


def search_documents(profile: Profile) -> dict[str, str]:
    """The text the directory search may match, per audience, built from visible fields only.

    A member outside the directory has no documents at all.
    """
    if not profile.in_directory or not profile.user.is_active:
        return {}
    documents = {}
    for audience in (Visibility.MEMBERS, Visibility.STEWARDS):
        readable = (
            {Visibility.MEMBERS}
            if audience == Visibility.MEMBERS
            else {Visibility.MEMBERS, Visibility.STEWARDS}
        )
        parts = [profile.user.display_name]
        for name in (
            "organization",
            "role_title",
            "city",
            "bio",
            "expertise",
            "interests",
            "initiative",
        ):
            if profile.visibility_of(name) in readable:
                parts.append(getattr(profile, name))
        if profile.visibility_of("expertise") in readable:
            parts += [
                str(link.area.name_en) + " " + str(link.area.name_fr)
                for link in profile.area_links.all()
                if link.relation == ProfileArea.Relation.CAN_HELP
            ]
        if profile.visibility_of("focus_areas") in readable:
            parts += [
                str(link.area.name_en) + " " + str(link.area.name_fr)
                for link in profile.area_links.all()
                if link.relation == ProfileArea.Relation.WORKS_ON
            ]
        documents[str(audience)] = "\n".join(part for part in parts if part)
    return documents


def all_search_documents():
    """Every listed profile's search documents, for ``manage.py rebuild_search_index``."""
    profiles = (
        Profile.objects.filter(in_directory=True, user__is_active=True)
        .select_related("user")
        .prefetch_related("area_links__area")
        .order_by("pk")
    )
    for profile in profiles.iterator(chunk_size=1000):
        yield profile.pk, search_documents(profile)


def find(viewer, query: str, limit: int) -> tuple[list, int]:
    """People's part of the one search page: members in the directory, as this viewer may see
    them."""
    from django.urls import reverse

    from commonplace.people.selectors import DirectoryFilters, directory
    from commonplace.search.registry import Found

    page, people = directory(
        viewer=viewer, filters=DirectoryFilters(query=query, sort="relevance"), page_number=1
    )
    found = [
        Found(
            title=person.name,
            url=reverse("people:member", kwargs={"user_id": person.user_id}),
            detail=" · ".join(part for part in (person.organization, person.province) if part),
        )
        for person in people[:limit]
    ]
    return found, page.paginator.count


def more_url(query: str) -> str:
    from urllib.parse import urlencode

    from django.urls import reverse

    return reverse("people:directory") + "?" + urlencode({"q": query})
