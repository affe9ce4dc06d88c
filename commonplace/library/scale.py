"""The library at scale for ``make bench``: half a resource per member (5,000 at 10,000
members), in bulk inserts, indexed for search in bulk.

Every resource is shared with members: all six kinds, in English, French or both, with focus
areas, audiences, a province or the whole country, a licence, one to three authors among the
scale members, a first version, and "I used this" rows behind each ``use_count`` (most
resources a few, a few resources hundreds). Some are public, some come in translated pairs,
and a few collections hold some of them. The resource the bench opens, and its address, go to
``VAR_DIR/bench-paths.json``.
"""

import random
from datetime import timedelta

from django.utils import timezone, translation

from commonplace.accounts.models import Role
from commonplace.accounts.scale import scale_users
from commonplace.core.markdown import render_markdown
from commonplace.core.models import FocusArea, Region
from commonplace.core.seeding import save_bench_paths
from commonplace.library.finding import KIND, documents
from commonplace.library.models import (
    Audience,
    Collection,
    CollectionItem,
    Resource,
    ResourceKind,
    ResourceUse,
    ResourceVersion,
)
from commonplace.library.services import resource_slug, resource_url
from commonplace.search.services import index_new

BATCH = 2000
PREFIX = "scale-"
# Below this many resources a small community (the tests') would miss a kind or a shelf.
FEWEST = 12
SPAN = timedelta(days=3 * 365)
LANGUAGES = ["en", "fr", "both"]
PUBLIC_SHARE = 0.15
PAIR_SHARE = 0.04
# No resource is used by more than this many members, nor by more than half of them.
MOST_USES = 300

# (key, weight): stories and guides are what members share most.
KINDS = [
    ("story", 25),
    ("tool", 20),
    ("guide", 20),
    ("research", 10),
    ("recording", 10),
    ("problem", 15),
]
# What a resource is about, in both languages, with the focus area it belongs to first.
SUBJECTS = [
    ("Respite schedules for caregivers", "Horaires de répit pour les proches aidants",
     "caregiver-support"),
    ("Starting a grief café", "Lancer un café deuil", "grief-bereavement"),
    ("Volunteer training that sticks", "Une formation des bénévoles qui reste",
     "neighbour-networks"),
    ("A compassionate city charter", "Une charte de ville bienveillante", "municipal-charters"),
    ("Measuring loneliness with a short survey", "Mesurer l'isolement en quelques questions",
     "evaluation-research"),
    ("Advance care planning at work", "La planification préalable des soins au travail",
     "advance-care-planning"),
    ("Neighbour check-ins in winter", "Des visites entre voisins l'hiver", "neighbour-networks"),
    ("Death cafés in public libraries", "Des cafés mortels en bibliothèque", "death-literacy"),
    ("Bereavement support in schools", "Soutenir le deuil à l'école", "workplaces-schools"),
    ("Dementia-friendly shops", "Des commerces amis des personnes atteintes de démence",
     "dementia-friendly"),
    ("Social prescribing with pharmacists", "La prescription sociale avec les pharmaciens",
     "social-prescribing"),
    ("Caring for caregivers far from town", "Soutenir les proches aidants loin de la ville",
     "rural-remote"),
    ("Talking circles led by Elders", "Des cercles de parole menés par des Aînés",
     "indigenous-led"),
]  # fmt: skip
SUMMARIES = {
    "en": "What {community} learned about {subject}, written so another community can start "
    "from it.",
    "fr": "Ce que {community} a appris : {subject}, écrit pour qu'une autre communauté s'en "
    "inspire.",
}
BODIES = {
    "story": (
        "## What happened\n\nSix neighbours met in the library every second Tuesday. By spring "
        "there were **thirty**, and the pharmacy asked to join.\n\n## What we learned\n\n"
        "- Start with a conversation, not a program.\n- A host per table matters.\n",
        "## Ce qui s'est passé\n\nSix voisins se retrouvaient à la bibliothèque un mardi sur "
        "deux. Au printemps, ils étaient **trente**.\n\n## Ce que nous avons appris\n\n"
        "- Commencer par une conversation.\n- Une personne hôte par table.\n",
    ),
    "tool": (
        "## What it is for\n\nA one-page plan for the first three months.\n\n## How to use it\n\n"
        "| Week | Who | What |\n|---|---|---|\n| 1 | Coordinator | Call the partners |\n"
        "| 4 | Volunteers | First gathering |\n",
        "## À quoi il sert\n\nUn plan d'une page pour les trois premiers mois.\n\n"
        "## Comment l'utiliser\n\n| Semaine | Qui | Quoi |\n|---|---|---|\n"
        "| 1 | Coordination | Appeler les partenaires |\n",
    ),
    "guide": (
        "## Who this guide is for\n\nOrganizers starting without a budget.\n\n## Steps\n\n"
        "1. Map what already exists.\n2. Find one partner with a room.\n3. Ask people what "
        "they need before offering anything.\n\n## Where to learn more\n\nSee the *charter "
        "toolkit* in this library.\n",
        "## À qui s'adresse ce guide\n\nAux personnes qui commencent sans budget.\n\n"
        "## Étapes\n\n1. Repérer ce qui existe.\n2. Trouver un partenaire avec une salle.\n"
        "3. Demander aux gens ce dont ils ont besoin.\n",
    ),
    "research": (
        "## Citation\n\nCommunity evaluation report, 2024.\n\n## Findings\n\nThree in four "
        "participants felt **less alone** after six months.\n\n## What it means for "
        "practice\n\nShort surveys are enough to show change.\n",
        "## Référence\n\nRapport d'évaluation communautaire, 2024.\n\n## Constats\n\nTrois "
        "personnes sur quatre se sentaient **moins seules** après six mois.\n",
    ),
    "recording": (
        "## What the recording covers\n\nA one-hour webinar with questions from members.\n\n"
        "## Moments worth watching\n\n- 12:00 the first meeting\n- 41:30 funding after the "
        "grant\n",
        "## Ce que couvre l'enregistrement\n\nUn webinaire d'une heure avec les questions des "
        "membres.\n\n## Moments à ne pas manquer\n\n- 12 min : la première rencontre\n",
    ),
    "problem": (
        "## The problem\n\nVolunteers leave after a few months.\n\n## What members tried\n\n"
        "Pairing new volunteers with experienced ones; shorter shifts.\n\n## What worked\n\n"
        "A check-in call after the first month.\n",
        "## Le problème\n\nLes bénévoles partent après quelques mois.\n\n"
        "## Ce que les membres ont essayé\n\nJumeler les nouveaux avec des bénévoles "
        "d'expérience.\n\n## Ce qui a fonctionné\n\nUn appel après le premier mois.\n",
    ),
}
COMMUNITIES = ["our network", "a rural hospice", "the neighbourhood circle", "a town council"]
COMMUNAUTES = ["notre réseau", "une maison de soins palliatifs", "le cercle du quartier"]
USE_NOTES = [
    "We adapted it for our volunteer orientation.",
    "Used the plan for our first grief café.",
    "Nous l'avons traduit pour notre conseil municipal.",
    "Shared it with the hospice board; they said yes.",
    "Utile pour convaincre nos partenaires.",
]
COLLECTIONS = [
    # (slug, English name, French name, how many resources)
    ("starting", "Starting a Compassionate Community", "Lancer une communauté bienveillante", 12),
    ("caregivers", "For caregivers", "Pour les proches aidants", 24),
    ("grief", "Grief and bereavement", "Le deuil", 40),
    ("evidence", "Evidence for funders", "Des preuves pour les bailleurs de fonds", 120),
]


def seed(log, options: dict) -> None:
    scale_creators = scale_users().values("pk")
    if Resource.objects.filter(created_by__in=scale_creators).exists():
        log("The scale resources already exist")
        return None
    people = list(
        scale_users().filter(is_active=True).order_by("pk").values_list("pk", "role", "language")
    )
    if len(people) < 4:
        return None
    member_ids = [pk for pk, _role, _language in people]
    # The member the bench logs in as (see accounts/scale.py): not an author of the page the
    # bench opens, so it measures a reader's view.
    reader = next(
        (pk for pk, role, language in people if role == Role.MEMBER and language == "en"),
        member_ids[0],
    )
    others = [pk for pk in member_ids if pk != reader]
    total = max(FEWEST, options["members"] // 2)
    chooser = random.Random(total)
    kinds = {kind.key: kind for kind in ResourceKind.objects.all()}
    areas = {area.slug: area for area in FocusArea.objects.filter(is_active=True)}
    area_list = list(areas.values())
    audiences = list(Audience.objects.filter(is_active=True))
    regions = list(Region.objects.filter(is_active=True))
    if not kinds or not area_list:
        log("No kinds of resource or focus areas to file scale resources under; skipped")
        return None
    # Rendered once per distinct text, not once per resource.
    html = {
        (key, language): render_markdown(_body(key, language))
        for key in BODIES
        for language in LANGUAGES
    }
    most_uses = min(MOST_USES, len(member_ids) // 2)
    now = timezone.now()
    kind_keys, weights = zip(*KINDS, strict=True)

    resources: list[Resource] = []
    plans: list[dict] = []  # what each resource links to, in the order of ``resources``
    pairs: list[tuple[int, int]] = []  # indexes of translated pairs
    while len(resources) < total:
        index = len(resources)
        # The first is the resource the bench opens: typical, with a bit of everything.
        bench = index == 0
        pair = bench or (chooser.random() < PAIR_SHARE and total - index >= 2)
        key = chooser.choices(kind_keys, weights=weights)[0]
        chosen_language = _language(chooser)
        if index < FEWEST:
            # However small the community, every kind and every language is there.
            key = kind_keys[index % len(kind_keys)]
            chosen_language = LANGUAGES[index % len(LANGUAGES)]
        subject = chooser.randrange(len(SUBJECTS))
        published = now - SPAN * chooser.random()
        if bench:
            key, subject, published = "guide", 0, now - timedelta(days=30)
        subject_areas = _areas(chooser, areas, area_list, SUBJECTS[subject][2])
        region = None
        if regions and (bench or chooser.random() < 0.6):
            region = chooser.choice(regions)
        authors = chooser.sample(others, k=min(len(others), chooser.choice([1, 1, 1, 2, 3])))
        for language in ["en", "fr"] if pair else [chosen_language]:
            resource = Resource(
                kind=kinds[key],
                title=_title(subject, language, index),
                summary=_summary(chooser, subject, language),
                body=_body(key, language),
                body_html=html[key, language],
                language=language,
                licence=chooser.choice(Resource.Licence.values),
                region=region,
                created_by_id=authors[0],
                status=Resource.Status.PUBLISHED,
                is_public=chooser.random() < PUBLIC_SHARE,
                use_count=_use_count(chooser, most_uses, bench=bench),
                version_count=1,
                created_at=published - timedelta(hours=2),
                updated_at=published,
                published_at=published,
            )
            resource.slug = resource_slug(resource.title)
            resources.append(resource)
            plans.append(
                {
                    "areas": subject_areas,
                    "audiences": chooser.sample(audiences, k=min(len(audiences), 2))
                    if bench or chooser.random() < 0.8
                    else [],
                    "authors": authors,
                }
            )
        if pair:
            pairs.append((len(resources) - 2, len(resources) - 1))
    Resource.objects.bulk_create(resources, batch_size=BATCH)
    # Read the ids back rather than trusting bulk_create to set them on every backend.
    ids = list(
        Resource.objects.filter(created_by__in=scale_creators)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    for resource, pk in zip(resources, ids, strict=True):
        resource.pk = pk
    translated = []
    for first, second in pairs:
        resources[first].translation_id = ids[second]
        resources[second].translation_id = ids[first]
        translated += [resources[first], resources[second]]
    Resource.objects.bulk_update(translated, ["translation"], batch_size=BATCH)
    log(f"Created {len(ids):,} resources ({len(pairs)} translated pairs)")

    _links(resources, plans)
    ResourceVersion.objects.bulk_create(
        (
            ResourceVersion(
                resource_id=resource.pk,
                number=1,
                editor_id=resource.created_by_id,
                title=resource.title,
                summary=resource.summary,
                body=resource.body,
                created_at=resource.updated_at,
            )
            for resource in resources
        ),
        batch_size=BATCH,
    )
    uses = _uses(chooser, resources, member_ids, now)
    collections = _collections(chooser, resources)
    indexed = _index(resources)
    log(
        f"Added {uses:,} uses, {collections} collections and {indexed:,} search entries "
        "for the scale resources"
    )
    with translation.override("en"):
        save_bench_paths({"resource": resource_url(resources[0])})
    return None


def _language(chooser: random.Random) -> str:
    roll = chooser.random()
    return "en" if roll < 0.55 else "fr" if roll < 0.85 else "both"


def _title(subject: int, language: str, index: int) -> str:
    english, french, _area = SUBJECTS[subject]
    # A number keeps titles apart in lists, as a place name would in a real library.
    if language == "fr":
        return f"{french} ({index + 1})"
    if language == "both":
        return f"{english} / {french} ({index + 1})"
    return f"{english} ({index + 1})"


def _summary(chooser: random.Random, subject: int, language: str) -> str:
    english, french = SUMMARIES["en"], SUMMARIES["fr"]
    if language == "fr":
        return french.format(community=chooser.choice(COMMUNAUTES), subject=SUBJECTS[subject][1])
    text = english.format(community=chooser.choice(COMMUNITIES), subject=SUBJECTS[subject][0])
    if language == "both":
        text += " " + french.format(
            community=chooser.choice(COMMUNAUTES), subject=SUBJECTS[subject][1]
        )
    return text


def _body(key: str, language: str) -> str:
    english, french = BODIES[key]
    # Both languages: a thematic break between them (a blank line first, or Markdown reads
    # the dashes as underlining a heading).
    return {"en": english, "fr": french}.get(language, f"{english}\n\n---\n\n{french}")


def _areas(chooser: random.Random, areas: dict, area_list: list, first: str) -> list:
    chosen = [areas[first]] if first in areas else [chooser.choice(area_list)]
    for area in chooser.sample(area_list, k=min(len(area_list), chooser.choice([0, 1, 1, 2]))):
        if area not in chosen:
            chosen.append(area)
    return chosen


def _use_count(chooser: random.Random, most: int, *, bench: bool) -> int:
    if bench:
        return min(most, 40)
    if chooser.random() < 0.35:
        return 0
    # A long tail: most resources are used a few times, a handful by hundreds of members.
    return min(most, int(chooser.paretovariate(1.1)))


def _links(resources: list[Resource], plans: list[dict]) -> None:
    """Focus areas, audiences and authors, through the many-to-many tables."""
    area_through = Resource.areas.through
    audience_through = Resource.audiences.through
    author_through = Resource.authors.through
    area_through.objects.bulk_create(
        (
            area_through(resource_id=resource.pk, focusarea_id=area.pk)
            for resource, plan in zip(resources, plans, strict=True)
            for area in plan["areas"]
        ),
        batch_size=BATCH,
    )
    audience_through.objects.bulk_create(
        (
            audience_through(resource_id=resource.pk, audience_id=audience.pk)
            for resource, plan in zip(resources, plans, strict=True)
            for audience in plan["audiences"]
        ),
        batch_size=BATCH,
    )
    author_through.objects.bulk_create(
        (
            author_through(resource_id=resource.pk, user_id=author)
            for resource, plan in zip(resources, plans, strict=True)
            for author in plan["authors"]
        ),
        batch_size=BATCH,
    )


def _uses(chooser: random.Random, resources: list[Resource], member_ids: list[int], now) -> int:
    """One "I used this" per use counted, so ``use_count`` agrees with the rows."""
    rows = []
    for resource in resources:
        if not resource.use_count:
            continue
        published = resource.published_at or now
        for member in chooser.sample(member_ids, k=resource.use_count):
            rows.append(
                ResourceUse(
                    resource_id=resource.pk,
                    member_id=member,
                    note=chooser.choice(USE_NOTES) if chooser.random() < 0.3 else "",
                    created_at=published + (now - published) * chooser.random(),
                )
            )
    ResourceUse.objects.bulk_create(rows, batch_size=BATCH)
    return len(rows)


def _collections(chooser: random.Random, resources: list[Resource]) -> int:
    Collection.objects.bulk_create(
        [
            Collection(
                slug=f"{PREFIX}{slug}",
                name_en=name_en,
                name_fr=name_fr,
                description_en="Resources stewards chose for members starting out.",
                description_fr="Des ressources choisies par l'équipe d'animation.",
                position=100 + position,
            )
            for position, (slug, name_en, name_fr, _size) in enumerate(COLLECTIONS)
        ],
        # Shelves left from an earlier run whose resources were deleted are filled again.
        ignore_conflicts=True,
    )
    shelves = dict(Collection.objects.filter(slug__startswith=PREFIX).values_list("slug", "pk"))
    items = []
    for slug, _en, _fr, size in COLLECTIONS:
        chosen = chooser.sample(resources[1:], k=min(len(resources) - 1, size))
        if slug == COLLECTIONS[0][0]:
            chosen = [resources[0], *chosen[:-1]]
        shelf = shelves[f"{PREFIX}{slug}"]
        items += [
            CollectionItem(collection_id=shelf, resource_id=item.pk, position=position)
            for position, item in enumerate(chosen, start=1)
        ]
    CollectionItem.objects.bulk_create(items, batch_size=BATCH)
    return len(shelves)


def _index(resources: list[Resource]) -> int:
    """Search entries in bulk, with the text ``finding.documents`` gives each resource: one
    insert per batch instead of one task per resource."""
    for resource in resources:
        resource.current_files = []  # type: ignore[attr-defined]  # none at scale
    return index_new(
        kind=KIND, objects=((resource.pk, documents(resource)) for resource in resources)
    )
