from pathlib import Path

from commonplace.core.models import Community, Page
from commonplace.core.services import page_update

CONTENT = Path(__file__).parent / "content"

PAGES = {
    Page.Slug.HOME: ("About the community", "À propos de la communauté"),
    Page.Slug.PRIVACY: ("Privacy notice", "Avis de confidentialité"),
    Page.Slug.GUIDELINES: ("Community guidelines", "Lignes directrices de la communauté"),
    Page.Slug.ACCESSIBILITY: ("Accessibility statement", "Déclaration d'accessibilité"),
}


def seed(log):
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
