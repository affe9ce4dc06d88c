"""The vocabulary every installation starts with: Canada's provinces and territories, common
languages and kinds of organization. Stewards can reword, reorder or retire any of them."""

from django.db import migrations

REGIONS = [
    ("AB", "Alberta", "Alberta"),
    ("BC", "British Columbia", "Colombie-Britannique"),
    ("MB", "Manitoba", "Manitoba"),
    ("NB", "New Brunswick", "Nouveau-Brunswick"),
    ("NL", "Newfoundland and Labrador", "Terre-Neuve-et-Labrador"),
    ("NS", "Nova Scotia", "Nouvelle-Écosse"),
    ("NT", "Northwest Territories", "Territoires du Nord-Ouest"),
    ("NU", "Nunavut", "Nunavut"),
    ("ON", "Ontario", "Ontario"),
    ("PE", "Prince Edward Island", "Île-du-Prince-Édouard"),
    ("QC", "Quebec", "Québec"),
    ("SK", "Saskatchewan", "Saskatchewan"),
    ("YT", "Yukon", "Yukon"),
]

LANGUAGES = [
    ("en", "English", "Anglais"),
    ("fr", "French", "Français"),
    ("cr", "Cree", "Cri"),
    ("oj", "Ojibwe", "Ojibwé"),
    ("iu", "Inuktitut", "Inuktitut"),
    ("mic", "Mi'kmaq", "Mi'kmaq"),
    ("es", "Spanish", "Espagnol"),
    ("pa", "Punjabi", "Pendjabi"),
    ("zh", "Mandarin", "Mandarin"),
    ("yue", "Cantonese", "Cantonais"),
    ("ar", "Arabic", "Arabe"),
    ("tl", "Tagalog", "Tagalog"),
    ("pt", "Portuguese", "Portugais"),
    ("it", "Italian", "Italien"),
    ("de", "German", "Allemand"),
    ("uk", "Ukrainian", "Ukrainien"),
    ("asl", "American Sign Language", "American Sign Language (ASL)"),
    ("lsq", "Quebec Sign Language", "Langue des signes québécoise (LSQ)"),
]

ORGANIZATION_TYPES = [
    ("community", "Community organization or network", "Organisme ou réseau communautaire"),
    ("hospice", "Hospice or palliative care", "Maison ou service de soins palliatifs"),
    ("health", "Health care", "Santé"),
    ("municipal", "Municipality or local government", "Municipalité ou administration locale"),
    ("education", "School, college or university", "École, cégep, collège ou université"),
    ("faith", "Faith community", "Communauté confessionnelle"),
    ("indigenous", "Indigenous organization or community", "Organisme ou communauté autochtone"),
    ("workplace", "Workplace or business", "Milieu de travail ou entreprise"),
    ("research", "Research or evaluation", "Recherche ou évaluation"),
    ("individual", "Individual, not on behalf of an organization", "À titre personnel"),
]


def seed(apps, schema_editor):
    for model_name, rows in (
        ("Region", REGIONS),
        ("SpokenLanguage", LANGUAGES),
        ("OrganizationType", ORGANIZATION_TYPES),
    ):
        model = apps.get_model("core", model_name)
        for position, (slug, name_en, name_fr) in enumerate(rows):
            model.objects.get_or_create(
                slug=slug, defaults={"name_en": name_en, "name_fr": name_fr, "position": position}
            )


class Migration(migrations.Migration):
    dependencies = [("core", "0003_vocabulary")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
