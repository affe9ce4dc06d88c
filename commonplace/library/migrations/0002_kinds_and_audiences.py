"""The six kinds of resource with their prompts, and the audiences resources are written for.
Stewards reword all of it afterwards; this is only where a new community starts."""

from django.db import migrations

KINDS = [
    (
        "story",
        1,
        "Story",
        "Récit",
        "What happened in your community, and what you took from it.",
        "Ce qui s'est passé dans votre communauté, et ce que vous en retenez.",
        "## What happened\n\n\n## What we learned\n\n\n## What we would do differently\n",
        "## Ce qui s'est passé\n\n\n## Ce que nous avons appris\n\n\n## Ce que nous ferions autrement\n",
    ),
    (
        "tool",
        2,
        "Tool or template",
        "Outil ou modèle",
        "A form, checklist, plan or template others can adapt.",
        "Un formulaire, une liste, un plan ou un modèle que d'autres peuvent adapter.",
        "## What it is for\n\n\n## How to use it\n\n\n## How to adapt it\n",
        "## À quoi il sert\n\n\n## Comment l'utiliser\n\n\n## Comment l'adapter\n",
    ),
    (
        "guide",
        3,
        "Guide",
        "Guide",
        "Step-by-step advice on doing something well.",
        "Des conseils pas à pas pour bien faire quelque chose.",
        "## Who this guide is for\n\n\n## Steps\n\n1. \n2. \n3. \n\n## Where to learn more\n",
        "## À qui s'adresse ce guide\n\n\n## Étapes\n\n1. \n2. \n3. \n\n## Pour aller plus loin\n",
    ),
    (
        "research",
        4,
        "Research or evaluation",
        "Recherche ou évaluation",
        "A study, evaluation or report, with what it found.",
        "Une étude, une évaluation ou un rapport, avec ses constats.",
        "## Citation\n\n\n## Findings\n\n\n## What it means for practice\n",
        "## Référence\n\n\n## Constats\n\n\n## Ce que cela change pour la pratique\n",
    ),
    (
        "recording",
        5,
        "Recording",
        "Enregistrement",
        "A webinar, talk or event recording, or a link to one.",
        "Un webinaire, une conférence ou un événement enregistré, ou un lien vers celui-ci.",
        "## What the recording covers\n\n\n## Speakers\n\n\n## Moments worth watching\n",
        "## Ce que couvre l'enregistrement\n\n\n## Intervenants\n\n\n## Moments à ne pas manquer\n",
    ),
    (
        "problem",
        6,
        "Recurring problem",
        "Problème récurrent",
        "A difficulty many initiatives meet, what members tried and what worked.",
        "Une difficulté que rencontrent bien des initiatives, ce que les membres ont essayé et ce qui a fonctionné.",
        "## The problem\n\n\n## What members tried\n\n\n## What worked\n",
        "## Le problème\n\n\n## Ce que les membres ont essayé\n\n\n## Ce qui a fonctionné\n",
    ),
]

AUDIENCES = [
    ("organizers", "Community organizers", "Organisateurs communautaires"),
    ("volunteers", "Volunteers", "Bénévoles"),
    ("caregivers", "Caregivers and families", "Proches aidants et familles"),
    (
        "health-professionals",
        "Health and social care professionals",
        "Professionnels de la santé et des services sociaux",
    ),
    ("municipal", "Municipal and policy leaders", "Élus et responsables municipaux"),
    ("researchers", "Researchers and educators", "Chercheurs et formateurs"),
]


def forwards(apps, schema_editor):
    ResourceKind = apps.get_model("library", "ResourceKind")
    Audience = apps.get_model("library", "Audience")
    for key, position, name_en, name_fr, desc_en, desc_fr, tpl_en, tpl_fr in KINDS:
        ResourceKind.objects.update_or_create(
            key=key,
            defaults={
                "position": position,
                "name_en": name_en,
                "name_fr": name_fr,
                "description_en": desc_en,
                "description_fr": desc_fr,
                "template_en": tpl_en,
                "template_fr": tpl_fr,
            },
        )
    for position, (slug, name_en, name_fr) in enumerate(AUDIENCES, start=1):
        Audience.objects.update_or_create(
            slug=slug, defaults={"position": position, "name_en": name_en, "name_fr": name_fr}
        )


class Migration(migrations.Migration):
    dependencies = [("library", "0001_resources")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
