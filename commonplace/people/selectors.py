"""Reads about members, already filtered by what the viewer may see.

Every function takes the ``viewer``: a hidden field can neither be shown nor be used to find
someone (filtering on a hidden province would reveal it), so filters and search respect the
same visibility as the pages.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from commonplace.core.models import FocusArea
from commonplace.people.models import Contribution, MemberMessage, Profile, ProfileArea
from commonplace.people.visibility import VisibleProfile, audiences_for, visible_profile, visible_q

PER_PAGE = 20
SORTS = ("relevance", "name", "newest")

# How much each kind of evidence counts in "who knows what".
DECLARED_WEIGHT: dict[str, int] = {
    ProfileArea.Relation.CAN_HELP: 10,
    ProfileArea.Relation.WORKS_ON: 4,
}
EVIDENCE_WEIGHT: dict[str, int] = {
    Contribution.Kind.ACCEPTED_ANSWER: 3,
    Contribution.Kind.INITIATIVE: 3,
    Contribution.Kind.RESOURCE_SHARED: 2,
    Contribution.Kind.EVENT_HOSTED: 2,
    Contribution.Kind.RESOURCE_USED: 1,
}
TEXT_MATCH_WEIGHT = 6


def listed_profiles() -> QuerySet[Profile]:
    """Members who agreed to be listed and whose account is active."""
    return Profile.objects.filter(is_listed())


def is_listed(path: str = "") -> Q:
    """Listed, as a condition on a profile or, through ``path``, on a relation leading to one.

    Written as a join rather than ``IN (listed profiles)``: SQLite re-reads such a subquery far
    too often (60 ms instead of 2 ms for "who knows what" at 10,000 members)."""
    prefix = f"{path}__" if path else ""
    return Q(**{f"{prefix}in_directory": True, f"{prefix}user__is_active": True})


def with_card_data(profiles: QuerySet[Profile]) -> QuerySet[Profile]:
    """Everything ``visible_profile`` reads, in four queries whatever the number of profiles."""
    return profiles.select_related("user", "organization_type").prefetch_related(
        "languages", "area_links__area"
    )


def cards(profiles, viewer) -> list[VisibleProfile]:
    return [visible_profile(profile, viewer) for profile in profiles]


@dataclass
class DirectoryFilters:
    query: str = ""
    province: str = ""
    area: str = ""
    expertise: str = ""
    language: str = ""
    organization_type: str = ""
    sort: str = "relevance"

    @property
    def any(self) -> bool:
        return any(
            [
                self.query,
                self.province,
                self.area,
                self.expertise,
                self.language,
                self.organization_type,
            ]
        )


def _has_area(relation: str, slug: str) -> Exists:
    """The profile lists this focus area in this way (works on it, or can help with it)."""
    return Exists(
        ProfileArea.objects.filter(profile=OuterRef("pk"), area__slug=slug, relation=relation)
    )


def directory(*, viewer, filters: DirectoryFilters, page_number) -> tuple:
    """A page of the member directory for ``viewer`` and the paginator's page object.

    Returns (page_obj, cards). Searching ranks by relevance; otherwise by name or newest.
    """
    audiences = audiences_for(viewer)
    profiles = listed_profiles()
    if filters.province:
        profiles = profiles.filter(visible_q("province", audiences), province=filters.province)
    if filters.organization_type:
        profiles = profiles.filter(
            visible_q("organization_type", audiences),
            organization_type__slug=filters.organization_type,
        )
    if filters.area:
        profiles = profiles.filter(
            visible_q("focus_areas", audiences),
            _has_area(ProfileArea.Relation.WORKS_ON, filters.area),
        )
    if filters.expertise:
        profiles = profiles.filter(
            visible_q("expertise", audiences),
            _has_area(ProfileArea.Relation.CAN_HELP, filters.expertise),
        )
    if filters.language:
        profiles = profiles.filter(
            visible_q("languages", audiences),
            Exists(
                Profile.languages.through.objects.filter(
                    profile_id=OuterRef("pk"), spokenlanguage__slug=filters.language
                )
            ),
        )
    if filters.query.strip():
        from commonplace.search.selectors import search

        ranked = [
            pk for pk, _score in search(kind="profile", query=filters.query, audiences=audiences)
        ]
        if filters.sort == "relevance":
            matching = set(profiles.filter(pk__in=ranked).values_list("pk", flat=True))
            ordered: list[int] = [pk for pk in ranked if pk in matching]
            ranked_page = Paginator(ordered, PER_PAGE).get_page(page_number)
            by_pk = {
                profile.pk: profile
                for profile in with_card_data(Profile.objects.filter(pk__in=list(ranked_page)))
            }
            return ranked_page, cards([by_pk[pk] for pk in ranked_page if pk in by_pk], viewer)
        profiles = profiles.filter(pk__in=ranked)
    if filters.sort == "newest":
        profiles = profiles.order_by("-user__date_joined", "-pk")
    else:
        profiles = profiles.order_by("user__name", "pk")
    page = Paginator(with_card_data(profiles), PER_PAGE).get_page(page_number)
    return page, cards(page, viewer)


@dataclass
class Reason:
    kind: str  # "can_help", "works_on", "text", or a Contribution.Kind
    count: int = 1
    label: str = ""


@dataclass
class Knower:
    card: VisibleProfile
    score: int
    reasons: list[Reason] = field(default_factory=list)


def who_knows(
    *, viewer, area: FocusArea | None = None, text: str = "", limit: int = 30
) -> list[Knower]:
    """Members who can help with a focus area or a topic, best first, each with why.

    Declared expertise counts (if the viewer may see it), and so does evidence from the
    contributions ledger: someone who never listed "caregiver support" but has three accepted
    answers about it is found too.
    """
    audiences = audiences_for(viewer)
    scores: dict[int, int] = defaultdict(int)
    reasons: dict[int, list[Reason]] = defaultdict(list)
    listed = listed_profiles()
    areas = [area] if area else []
    if text.strip() and not areas:
        folded = text.strip().casefold()
        areas = [
            candidate
            for candidate in FocusArea.objects.filter(is_active=True)
            if folded in candidate.name_en.casefold() or folded in candidate.name_fr.casefold()
        ]

    for focus in areas:
        label = str(focus.name)  # once: each row would otherwise look up the language again
        declared = ProfileArea.objects.filter(is_listed("profile"), area=focus).filter(
            Q(
                relation=ProfileArea.Relation.CAN_HELP,
                **{"profile__visibility__expertise__in": audiences},
            )
            | Q(
                relation=ProfileArea.Relation.WORKS_ON,
                **{"profile__visibility__focus_areas__in": audiences},
            )
        )
        for profile_id, relation in declared.values_list("profile_id", "relation"):
            scores[profile_id] += DECLARED_WEIGHT[relation]
            reasons[profile_id].append(Reason(kind=relation, label=label))
        evidence = (
            Contribution.objects.filter(is_listed("member__profile"), focus_areas=focus)
            .values("member__profile", "kind")
            .annotate(count=Count("id"))
        )
        for row in evidence:
            profile_id, kind, count = row["member__profile"], row["kind"], row["count"]
            scores[profile_id] += EVIDENCE_WEIGHT.get(kind, 1) * min(count, 10)
            reasons[profile_id].append(Reason(kind=kind, count=count, label=label))

    if text.strip():
        from commonplace.search.selectors import search

        matched = [pk for pk, _score in search(kind="profile", query=text, audiences=audiences)]
        listed_matches = set(listed.filter(pk__in=matched[:500]).values_list("pk", flat=True))
        for profile_id in listed_matches:
            if profile_id not in scores:
                scores[profile_id] += TEXT_MATCH_WEIGHT
                reasons[profile_id].append(Reason(kind="text", label=text.strip()))
        evidence = (
            Contribution.objects.filter(is_listed("member__profile"), title__icontains=text.strip())
            .values("member__profile", "kind")
            .annotate(count=Count("id"))
        )
        for row in evidence:
            profile_id, kind, count = row["member__profile"], row["kind"], row["count"]
            scores[profile_id] += EVIDENCE_WEIGHT.get(kind, 1) * min(count, 10)
            reasons[profile_id].append(Reason(kind=kind, count=count, label=text.strip()))

    best = sorted(scores, key=lambda pk: (-scores[pk], pk))[:limit]
    profiles = {
        profile.pk: profile for profile in with_card_data(Profile.objects.filter(pk__in=best))
    }
    return [
        Knower(
            card=visible_profile(profiles[pk], viewer),
            score=scores[pk],
            reasons=_merge(reasons[pk]),
        )
        for pk in best
        if pk in profiles
    ]


def _merge(found: list[Reason]) -> list[Reason]:
    """One line per kind of reason: "3 accepted answers", not three times "1 accepted answer"."""
    merged: dict[tuple[str, str], Reason] = {}
    for reason in found:
        key = (reason.kind, reason.label)
        if key in merged:
            merged[key].count += reason.count
        else:
            merged[key] = Reason(kind=reason.kind, count=reason.count, label=reason.label)
    order = ["can_help", "works_on", "text"]
    return sorted(
        merged.values(), key=lambda r: (order.index(r.kind) if r.kind in order else 3, -r.count)
    )


def people_like(member, *, limit: int = 5) -> list[tuple[VisibleProfile, list[str]]]:
    """A few members who share focus areas, the province or the kind of organization.

    Deterministic: score (3 per shared focus area, 2 for the province, 1 for the kind of
    organization), then the oldest account first. Leaves out the member, people outside the
    directory, and people the member has already written to or heard from.
    """
    key = f"people:like:{member.pk}"
    cached = cache.get(key)
    if cached is not None:
        ids, why = cached
    else:
        ids, why = _people_like_ids(member, limit)
        cache.set(key, (ids, why), 600)
    profiles = {p.pk: p for p in with_card_data(Profile.objects.filter(pk__in=ids))}
    return [(visible_profile(profiles[pk], member), why[pk]) for pk in ids if pk in profiles]


def _people_like_ids(member, limit: int) -> tuple[list[int], dict[int, list[str]]]:
    mine = Profile.objects.filter(user=member).first()
    if mine is None:
        return [], {}
    audiences = audiences_for(member)
    known = set(
        MemberMessage.objects.filter(sender=member).values_list("recipient__profile", flat=True)
    )
    known |= set(
        MemberMessage.objects.filter(recipient=member).values_list("sender__profile", flat=True)
    )
    known.add(mine.pk)
    others = listed_profiles().exclude(pk__in=known)
    scores: dict[int, int] = defaultdict(int)
    why: dict[int, list[str]] = defaultdict(list)
    my_areas = set(mine.area_links.values_list("area_id", flat=True))
    if my_areas:
        shared = (
            ProfileArea.objects.filter(
                area_id__in=my_areas, profile__in=others.filter(visible_q("focus_areas", audiences))
            )
            .values("profile_id")
            .annotate(shared=Count("area_id", distinct=True))
        )
        for row in shared:
            scores[row["profile_id"]] += 3 * row["shared"]
            why[row["profile_id"]].append("areas")
    if mine.province:
        for pk in others.filter(
            visible_q("province", audiences), province=mine.province
        ).values_list("pk", flat=True):
            scores[pk] += 2
            why[pk].append("province")
    if mine.organization_type_id:
        same_kind = others.filter(
            visible_q("organization_type", audiences),
            organization_type_id=mine.organization_type_id,
        )
        for pk in same_kind.values_list("pk", flat=True):
            scores[pk] += 1
            why[pk].append("organization_type")
    best = sorted(scores, key=lambda pk: (-scores[pk], pk))[:limit]
    return best, {pk: why[pk] for pk in best}


def member_profile(user_id: int, viewer) -> Profile | None:
    """The profile a viewer may open: listed members for members; anyone for stewards."""
    from commonplace.accounts.permissions import is_steward

    profiles = with_card_data(Profile.objects.filter(user_id=user_id))
    if not is_steward(viewer) and getattr(viewer, "pk", None) != user_id:
        profiles = profiles.filter(in_directory=True, user__is_active=True)
    return profiles.first()


def contributions_shown(profile: Profile, viewer) -> list[Contribution]:
    """The member's contributions; the initiative from their request follows its field's visibility."""
    from commonplace.people.visibility import may_see

    contributions = list(
        Contribution.objects.filter(member_id=profile.user_id).prefetch_related("focus_areas")[:50]
    )
    if not may_see(profile, "initiative", viewer):
        contributions = [c for c in contributions if c.kind != Contribution.Kind.INITIATIVE]
    return contributions


MENTION_SUGGESTIONS = 8


def mention_suggestions(text: str) -> list[tuple[int, str]]:
    """Listed members whose name starts with ``text`` (or has a word that does), as
    ``(user_id, name)``: what an "@" in a post offers. Names are always shown to members."""
    text = " ".join(text.split())[:60]
    if len(text) < 2:
        return []
    found = (
        Profile.objects.filter(is_listed())
        .filter(Q(user__name__istartswith=text) | Q(user__name__icontains=f" {text}"))
        .order_by("user__name", "user_id")
        .values_list("user_id", "user__name")[:MENTION_SUGGESTIONS]
    )
    return [(user_id, name) for user_id, name in found if name]
