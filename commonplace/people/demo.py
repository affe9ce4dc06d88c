"""A believable demo directory: about forty members across the country, with their own
choices of what to show, and some evidence of what they have done."""

import random

from allauth.account.models import EmailAddress
from django.db import transaction

from commonplace.accounts.models import Consent, Role, User
from commonplace.core.models import FocusArea, OrganizationType, SpokenLanguage
from commonplace.people.models import (
    VISIBILITY_DEFAULTS,
    Contribution,
    Profile,
    ProfileArea,
    Visibility,
)
from commonplace.people.services import consent_change, contribution_record, profile_update

DOMAIN = "demo.commonplace.test"

# name, city, province, language, organization, org type, role, areas worked on, can help with
PEOPLE = [
    (
        "Marie-Ève Lavoie",
        "Sherbrooke",
        "QC",
        "fr",
        "Ville de Sherbrooke",
        "municipal",
        "Conseillère en développement social",
        ["municipal-charters", "dementia-friendly"],
        ["municipal-charters"],
    ),
    (
        "Jean-François Bouchard",
        "Rimouski",
        "QC",
        "fr",
        "Maison Marie-Élisabeth",
        "hospice",
        "Coordonnateur des bénévoles",
        ["neighbour-networks", "grief-bereavement"],
        ["neighbour-networks"],
    ),
    (
        "Aisha Mohamed",
        "Ottawa",
        "ON",
        "en",
        "Bruyère",
        "health",
        "Palliative care social worker",
        ["caregiver-support", "advance-care-planning"],
        ["advance-care-planning"],
    ),
    (
        "Tom Nakamura",
        "Kelowna",
        "BC",
        "en",
        "Central Okanagan Hospice Association",
        "hospice",
        "Community programs lead",
        ["grief-bereavement", "death-literacy"],
        ["grief-bereavement"],
    ),
    (
        "Louise Tremblay",
        "Saguenay",
        "QC",
        "fr",
        "Cafés deuil du Saguenay",
        "community",
        "Animatrice",
        ["grief-bereavement"],
        ["grief-bereavement"],
    ),
    (
        "Raj Patel",
        "Brampton",
        "ON",
        "en",
        "Peel Caregivers Network",
        "community",
        "Founder",
        ["caregiver-support", "social-prescribing"],
        ["caregiver-support"],
    ),
    (
        "Heather MacLeod",
        "Antigonish",
        "NS",
        "en",
        "St. Francis Xavier University",
        "education",
        "Associate professor, nursing",
        ["evaluation-research", "rural-remote"],
        ["evaluation-research"],
    ),
    (
        "Kevin Sinclair",
        "Thompson",
        "MB",
        "en",
        "Keewatin Tribal Council",
        "indigenous",
        "Health navigator",
        ["indigenous-led", "rural-remote"],
        ["indigenous-led"],
    ),
    (
        "Nathalie Gagné",
        "Moncton",
        "NB",
        "fr",
        "Réseau des aidants naturels du Sud-Est",
        "community",
        "Directrice générale",
        ["caregiver-support"],
        [],
    ),
    (
        "Graham Whitfield",
        "Calgary",
        "AB",
        "en",
        "Compassionate Alberta",
        "community",
        "Program manager",
        ["neighbour-networks", "workplaces-schools"],
        ["workplaces-schools"],
    ),
    (
        "Sandra Okafor",
        "Winnipeg",
        "MB",
        "en",
        "Winnipeg Regional Health Authority",
        "health",
        "Community connector",
        ["social-prescribing"],
        ["social-prescribing"],
    ),
    (
        "Pierre-Luc Côté",
        "Québec",
        "QC",
        "fr",
        "Université Laval",
        "research",
        "Chercheur postdoctoral",
        ["evaluation-research", "death-literacy"],
        [],
    ),
    (
        "Emily Chen",
        "Vancouver",
        "BC",
        "en",
        "UBC School of Nursing",
        "education",
        "Graduate student",
        ["death-literacy", "workplaces-schools"],
        [],
    ),
    (
        "Joseph Redsky",
        "Thunder Bay",
        "ON",
        "en",
        "Fort William First Nation",
        "indigenous",
        "Elder helper",
        ["indigenous-led", "grief-bereavement"],
        ["indigenous-led"],
    ),
    (
        "Catherine Doucet",
        "Charlottetown",
        "PE",
        "en",
        "Hospice PEI",
        "hospice",
        "Volunteer coordinator",
        ["neighbour-networks", "caregiver-support"],
        ["neighbour-networks"],
    ),
    (
        "Mohammed Al-Sayed",
        "Halifax",
        "NS",
        "en",
        "Halifax Regional Municipality",
        "municipal",
        "Policy analyst",
        ["municipal-charters"],
        [],
    ),
    (
        "Isabelle Fortin",
        "Trois-Rivières",
        "QC",
        "fr",
        "Paroisse Sainte-Marguerite",
        "faith",
        "Agente de pastorale",
        ["grief-bereavement", "neighbour-networks"],
        [],
    ),
    (
        "Daniel Kowalczyk",
        "Saskatoon",
        "SK",
        "en",
        "Saskatoon Council on Aging",
        "community",
        "Project coordinator",
        ["dementia-friendly", "caregiver-support"],
        ["dementia-friendly"],
    ),
    (
        "Amélie Bergeron",
        "Gatineau",
        "QC",
        "fr",
        "CISSS de l'Outaouais",
        "health",
        "Travailleuse sociale",
        ["advance-care-planning"],
        ["advance-care-planning"],
    ),
    (
        "Sarah Thompson",
        "St. John's",
        "NL",
        "en",
        "Eastern Health",
        "health",
        "Nurse practitioner",
        ["rural-remote", "advance-care-planning"],
        [],
    ),
    (
        "Ahmed Hassan",
        "Edmonton",
        "AB",
        "en",
        "Islamic Family and Social Services",
        "faith",
        "Outreach worker",
        ["grief-bereavement", "caregiver-support"],
        [],
    ),
    (
        "Julie Arsenault",
        "Bathurst",
        "NB",
        "fr",
        "Ville de Bathurst",
        "municipal",
        "Agente de loisirs",
        ["municipal-charters", "neighbour-networks"],
        [],
    ),
    (
        "Lucas Martin",
        "Kingston",
        "ON",
        "en",
        "Kingston Compassionate City",
        "community",
        "Volunteer",
        ["death-literacy"],
        [],
    ),
    (
        "Naomi Cardinal",
        "Yellowknife",
        "NT",
        "en",
        "Northwest Territories Health",
        "health",
        "Home care lead",
        ["rural-remote", "indigenous-led"],
        ["rural-remote"],
    ),
    (
        "Olivier Roy",
        "Lévis",
        "QC",
        "fr",
        "Desjardins",
        "workplace",
        "Conseiller en ressources humaines",
        ["workplaces-schools", "caregiver-support"],
        ["workplaces-schools"],
    ),
    (
        "Priya Sharma",
        "Surrey",
        "BC",
        "en",
        "Fraser Health",
        "health",
        "Social prescribing link worker",
        ["social-prescribing"],
        [],
    ),
    (
        "Marc Leblanc",
        "Shediac",
        "NB",
        "fr",
        "",
        "individual",
        "Bénévole",
        ["neighbour-networks"],
        [],
    ),
    (
        "Grace Akande",
        "Regina",
        "SK",
        "en",
        "University of Regina",
        "research",
        "Evaluation specialist",
        ["evaluation-research"],
        ["evaluation-research"],
    ),
    (
        "Élodie Simard",
        "Rouyn-Noranda",
        "QC",
        "fr",
        "Société Alzheimer Rouyn-Noranda",
        "community",
        "Intervenante",
        ["dementia-friendly", "rural-remote"],
        [],
    ),
    (
        "Brian O'Neill",
        "Whitehorse",
        "YT",
        "en",
        "Hospice Yukon",
        "hospice",
        "Executive director",
        ["rural-remote", "grief-bereavement"],
        [],
    ),
    (
        "Fatima Zahra",
        "Montréal",
        "QC",
        "fr",
        "Centre communautaire de Parc-Extension",
        "community",
        "Organisatrice communautaire",
        ["social-prescribing", "neighbour-networks"],
        [],
    ),
    (
        "Ryan McKay",
        "Iqaluit",
        "NU",
        "en",
        "Qikiqtani Inuit Association",
        "indigenous",
        "Wellness coordinator",
        ["indigenous-led"],
        [],
    ),
    (
        "Hélène Dubois",
        "Sudbury",
        "ON",
        "fr",
        "Université Laurentienne",
        "education",
        "Professeure de travail social",
        ["death-literacy", "evaluation-research"],
        [],
    ),
    (
        "Peter Novak",
        "Lethbridge",
        "AB",
        "en",
        "City of Lethbridge",
        "municipal",
        "Age-friendly coordinator",
        ["municipal-charters", "dementia-friendly"],
        [],
    ),
    (
        "Mei Lin",
        "Richmond",
        "BC",
        "en",
        "S.U.C.C.E.S.S.",
        "community",
        "Seniors services manager",
        ["caregiver-support"],
        [],
    ),
    (
        "Sébastien Girard",
        "Drummondville",
        "QC",
        "fr",
        "École secondaire La Poudrière",
        "education",
        "Enseignant",
        ["workplaces-schools", "death-literacy"],
        [],
    ),
    (
        "Karen Fraser",
        "Truro",
        "NS",
        "en",
        "Colchester East Hants Health",
        "health",
        "Spiritual care practitioner",
        ["grief-bereavement"],
        [],
    ),
    (
        "Anil Gupta",
        "Mississauga",
        "ON",
        "en",
        "Trillium Health Partners",
        "health",
        "Research associate",
        ["evaluation-research", "caregiver-support"],
        [],
    ),
]
LANGUAGE_SETS = {"fr": ["fr", "en"], "en": ["en"]}
VISIBILITY_CHOICES = [
    {},  # the defaults
    {"city": Visibility.STEWARDS},
    {"photo": Visibility.NOBODY, "bio": Visibility.STEWARDS},
    {"organization": Visibility.STEWARDS, "role_title": Visibility.STEWARDS},
    {"province": Visibility.NOBODY, "city": Visibility.NOBODY},
    {"expertise": Visibility.STEWARDS},
]
# Members with evidence but no declared expertise: "who knows what" must still find them.
EVIDENCE = {
    "Nathalie Gagné": (
        "caregiver-support",
        Contribution.Kind.ACCEPTED_ANSWER,
        [
            "Comment garder les proches aidants engagés l'hiver",
            "Un horaire de relève qui fonctionne",
            "Recruter des aidants pairs",
        ],
    ),
    "Mei Lin": (
        "caregiver-support",
        Contribution.Kind.RESOURCE_SHARED,
        ["Caregiver check-in call script (English and Cantonese)"],
    ),
    "Lucas Martin": (
        "death-literacy",
        Contribution.Kind.EVENT_HOSTED,
        ["Death café at the Kingston Frontenac library"],
    ),
    "Anil Gupta": (
        "evaluation-research",
        Contribution.Kind.ACCEPTED_ANSWER,
        ["Measuring loneliness before and after a neighbour network"],
    ),
}


def _email(name: str) -> str:
    import unicodedata

    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return "".join(ch if ch.isalnum() else "." for ch in plain).strip(".") + f"@{DOMAIN}"


@transaction.atomic
def seed(log):
    if Profile.objects.filter(user__email__endswith=f"@{DOMAIN}", in_directory=True).count() >= len(
        PEOPLE
    ):
        return []
    chooser = random.Random(2026)
    areas = {area.slug: area for area in FocusArea.objects.all()}
    kinds = {kind.slug: kind for kind in OrganizationType.objects.all()}
    languages = {language.slug: language for language in SpokenLanguage.objects.all()}
    for index, (
        name,
        city,
        province,
        language,
        organization,
        kind,
        role,
        works_on,
        can_help,
    ) in enumerate(PEOPLE):
        email = _email(name)
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User.objects.create_user(
                email, None, name=name, role=Role.MEMBER, language=language
            )
            EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        visibility = dict(VISIBILITY_DEFAULTS) | VISIBILITY_CHOICES[index % len(VISIBILITY_CHOICES)]
        bio_en = (
            f"I work on {', '.join(areas[slug].name_en.lower() for slug in works_on)} in {city}."
        )
        bio_fr = f"Je travaille à {city} : {', '.join(areas[slug].name_fr.lower() for slug in works_on)}."
        profile_update(
            user=user,
            fields={
                "organization": organization,
                "role_title": role,
                "province": province,
                "city": city,
                "time_zone": "America/Toronto",
                "bio": bio_fr if language == "fr" else bio_en,
                "expertise": "",
            },
            organization_type=kinds.get(kind),
            languages=[languages[code] for code in LANGUAGE_SETS[language] if code in languages],
            areas={
                ProfileArea.Relation.WORKS_ON: [areas[slug] for slug in works_on],
                ProfileArea.Relation.CAN_HELP: [areas[slug] for slug in can_help],
                ProfileArea.Relation.WANTS_TO_LEARN: [chooser.choice(list(areas.values()))],
            },
            visibility=visibility,
            complete=True,
        )
        # Most agree to be listed; a few have not (yet), as in any real community.
        consent_change(
            user=user,
            kind=Consent.Kind.DIRECTORY,
            given=index % 13 != 12,
            wording="List me in the member directory (demo).",
            source="demo",
        )
        if name in EVIDENCE:
            slug, contribution_kind, titles = EVIDENCE[name]
            for number, title in enumerate(titles):
                contribution_record(
                    member=user,
                    kind=contribution_kind,
                    title=title,
                    focus_areas=[areas[slug]],
                    source="demo",
                    source_id=f"{email}-{number}",
                )
    for email in (
        "sam@demo.commonplace.test",
        "alice@demo.commonplace.test",
        "benoit@demo.commonplace.test",
    ):
        user = User.objects.filter(email=email).first()
        if user is not None:
            profile_update(
                user=user,
                fields={
                    "province": "ON" if "benoit" not in email else "QC",
                    "city": "Ottawa" if "benoit" not in email else "Québec",
                },
                areas={
                    ProfileArea.Relation.WORKS_ON: [
                        areas["caregiver-support"],
                        areas["grief-bereavement"],
                    ]
                },
            )
            consent_change(
                user=user,
                kind=Consent.Kind.DIRECTORY,
                given=True,
                wording="List me in the member directory (demo).",
                source="demo",
            )
    log(f"Created a directory of {len(PEOPLE)} members")
    return []
