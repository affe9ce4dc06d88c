from pathlib import Path

from commonplace.core.models import Community, FocusArea, Page
from commonplace.core.services import page_update

CONTENT = Path(__file__).parent / "content"

PAGES = {
    Page.Slug.HOME: ("About the community", "À propos de la communauté"),
    Page.Slug.PRIVACY: ("Privacy notice", "Avis de confidentialité"),
    Page.Slug.GUIDELINES: ("Community guidelines", "Lignes directrices de la communauté"),
    Page.Slug.ACCESSIBILITY: ("Accessibility statement", "Déclaration d'accessibilité"),
}


# The Compassionate Communities focus areas (../shared/BRIEF.md), in both languages.
FOCUS_AREAS = [
    ("advance-care-planning", "Advance care planning", "Planification préalable des soins"),
    ("caregiver-support", "Caregiver support", "Soutien aux proches aidants"),
    ("grief-bereavement", "Grief and bereavement", "Deuil"),
    (
        "death-literacy",
        "Death literacy and public education",
        "Littératie de la mort et sensibilisation du public",
    ),
    (
        "neighbour-networks",
        "Neighbour and volunteer networks",
        "Réseaux de voisins et de bénévoles",
    ),
    (
        "social-prescribing",
        "Social prescribing and community connectors",
        "Prescription sociale et agents de liaison communautaire",
    ),
    (
        "dementia-friendly",
        "Dementia-friendly communities",
        "Communautés amies des personnes atteintes de démence",
    ),
    ("indigenous-led", "Indigenous-led approaches", "Approches menées par les Autochtones"),
    ("rural-remote", "Rural and remote", "Milieux ruraux et éloignés"),
    ("workplaces-schools", "Workplaces and schools", "Milieux de travail et écoles"),
    ("municipal-charters", "Municipal charters and policy", "Chartes municipales et politiques"),
    ("evaluation-research", "Evaluation and research", "Évaluation et recherche"),
]


def seed_focus_areas() -> None:
    for position, (slug, name_en, name_fr) in enumerate(FOCUS_AREAS):
        FocusArea.objects.get_or_create(
            slug=slug, defaults={"name_en": name_en, "name_fr": name_fr, "position": position}
        )


def seed(log):
    seed_focus_areas()
    if not Community.objects.exists():
        Community.objects.create(
            name_en="Compassionate Communities Canada",
            name_fr="Communautés bienveillantes Canada",
            tagline_en="A community of practice for people building networks of care "
            "around serious illness, dying, caregiving and grief.",
            tagline_fr="Une communauté de pratique pour les personnes qui tissent des réseaux "
            "de soutien autour de la maladie grave, de la fin de vie, de la proche aidance "
            "et du deuil.",
        )
        log("Created the community")
    for slug, (title_en, title_fr) in PAGES.items():
        if Page.objects.filter(slug=slug).exists():
            continue
        page_update(
            page=Page(slug=slug),
            editor=None,
            title_en=title_en,
            title_fr=title_fr,
            body_en=(CONTENT / f"{slug}.en.md").read_text("utf-8"),
            body_fr=(CONTENT / f"{slug}.fr.md").read_text("utf-8"),
        )
        log(f"Wrote the page {slug}")
    return []
