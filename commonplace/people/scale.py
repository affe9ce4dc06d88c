"""Profiles for the scale members, so the directory and "who knows what" are measured at
10,000 people: focus areas, provinces, languages, visibility choices, evidence, search text."""

import random

from commonplace.accounts.models import Consent
from commonplace.accounts.scale import scale_users
from commonplace.core.models import FocusArea, OrganizationType, Region, SpokenLanguage
from commonplace.people.models import (
    VISIBILITY_DEFAULTS,
    Contribution,
    Profile,
    ProfileArea,
    Visibility,
)
from commonplace.people.visibility import search_documents
from commonplace.search.services import index_new

BATCH = 2000
ROLES = [
    "Volunteer coordinator",
    "Community organizer",
    "Nurse",
    "Social worker",
    "Researcher",
    "Bénévole",
    "Intervenante",
]
EXPERTISE = [
    "grief cafés",
    "volunteer training",
    "respite schedules",
    "municipal charters",
    "death cafés",
    "evaluation",
    "caregiver check-ins",
]


def seed(log, options: dict) -> None:
    members = list(
        scale_users()
        .filter(profile__isnull=True)
        .order_by("pk")
        .values_list("pk", "email", "language")
    )
    if not members:
        log("The scale profiles already exist")
        return None
    chooser = random.Random(len(members))
    areas = list(FocusArea.objects.all())
    if not areas:  # a bench database without the demo: give it the demo's focus areas
        from commonplace.core.demo import seed_focus_areas

        seed_focus_areas()
        areas = list(FocusArea.objects.all())
    regions = list(Region.objects.values_list("slug", flat=True))
    kinds = list(OrganizationType.objects.all())
    languages = {language.slug: language for language in SpokenLanguage.objects.all()}
    unusual = [
        {"city": Visibility.STEWARDS},
        {"province": Visibility.NOBODY},
        {"expertise": Visibility.STEWARDS},
    ]
    profiles = []
    for index_, (user_id, _email, _language) in enumerate(members):
        visibility = dict(VISIBILITY_DEFAULTS) | (unusual[index_ % 3] if index_ % 7 == 0 else {})
        profiles.append(
            Profile(
                user_id=user_id,
                organization=f"{chooser.choice(['Compassionate', 'Caring', 'Bienveillante'])} {chooser.choice(['Network', 'Hospice', 'Circle', 'Réseau'])} {index_ % 400}",
                organization_type=chooser.choice(kinds) if kinds else None,
                role_title=chooser.choice(ROLES),
                province=chooser.choice(regions),
                city=f"Town {index_ % 900}",
                bio="I help neighbours care for each other.",
                expertise=chooser.choice(EXPERTISE),
                visibility=visibility,
                in_directory=index_ % 20 != 0,  # a few have not agreed to be listed
            )
        )
    created = Profile.objects.bulk_create(profiles, batch_size=BATCH)
    links, spoken = [], []
    through = Profile.languages.through
    for profile in created:
        for area in chooser.sample(areas, k=min(len(areas), chooser.randint(1, 3))):
            links.append(
                ProfileArea(profile=profile, area=area, relation=ProfileArea.Relation.WORKS_ON)
            )
        if chooser.random() < 0.4:
            links.append(
                ProfileArea(
                    profile=profile,
                    area=chooser.choice(areas),
                    relation=ProfileArea.Relation.CAN_HELP,
                )
            )
        for code in ("en", "fr") if chooser.random() < 0.35 else ("en",):
            if code in languages:
                spoken.append(through(profile_id=profile.pk, spokenlanguage_id=languages[code].pk))
    ProfileArea.objects.bulk_create(links, batch_size=BATCH, ignore_conflicts=True)
    through.objects.bulk_create(spoken, batch_size=BATCH, ignore_conflicts=True)
    Consent.objects.bulk_create(
        [
            Consent(
                email=email,
                user_id=user_id,
                kind=Consent.Kind.DIRECTORY,
                given=profile.in_directory,
                wording="List me in the member directory (scale data).",
                wording_version="scale",
                source="scale",
            )
            for (user_id, email, _language), profile in zip(members, created, strict=True)
        ],
        batch_size=BATCH,
    )
    contributions = []
    for profile in chooser.sample(created, k=min(len(created), len(created) // 10)):
        contributions.append(
            Contribution(
                member_id=profile.user_id,
                kind=chooser.choice(list(Contribution.Kind.values)),
                title=chooser.choice(EXPERTISE).capitalize(),
                source="scale",
                source_id=str(profile.pk),
            )
        )
    saved = Contribution.objects.bulk_create(contributions, batch_size=BATCH)
    Contribution.focus_areas.through.objects.bulk_create(
        [
            Contribution.focus_areas.through(
                contribution_id=contribution.pk, focusarea_id=chooser.choice(areas).pk
            )
            for contribution in saved
        ],
        batch_size=BATCH,
    )
    _index_all(created)
    log(
        f"Added {len(created):,} profiles, {len(links):,} focus-area links, {len(saved):,} contributions"
    )
    return None


def _index_all(created: list[Profile]) -> None:
    """Search entries in bulk: one query per batch instead of one task per profile."""
    fresh = (
        Profile.objects.filter(pk__in=[profile.pk for profile in created])
        .select_related("user")
        .prefetch_related("area_links__area")
    )
    index_new(
        kind="profile",
        objects=((profile.pk, search_documents(profile)) for profile in fresh.iterator(1000)),
    )
