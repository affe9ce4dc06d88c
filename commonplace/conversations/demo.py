"""Demo spaces and lively conversations: introductions, questions that found their answer,
discussions in both languages, and a private space for stewards and facilitators."""

import re
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from commonplace.accounts.models import Role, User
from commonplace.conversations.models import Space, Topic
from commonplace.conversations.services import (
    answer_accept,
    reaction_toggle,
    reply_post,
    space_follow,
    topic_start,
)
from commonplace.core.models import FocusArea
from commonplace.notifications.models import Notification

# slug, English name, French name, English description, French description, colour, focus area
SPACES = [
    ("introductions", "Introductions", "Présentations",
     "Say hello: who you are, where you work and what you hope to learn here.",
     "Présentez-vous : qui vous êtes, où vous travaillez et ce que vous espérez apprendre ici.",
     "teal", None),
    ("getting-started", "Getting started", "Pour commencer",
     "First steps in building a Compassionate Community, and questions about using this site.",
     "Les premiers pas d'une communauté bienveillante, et vos questions sur ce site.",
     "blue", None),
    ("caregiver-support", "Caregiver support", "Soutien aux proches aidants",
     "Networks, respite and check-ins that keep caregivers from carrying it alone.",
     "Réseaux, répit et visites qui évitent aux proches aidants de tout porter seuls.",
     "rose", "caregiver-support"),
    ("grief-bereavement", "Grief and bereavement", "Deuil",
     "Grief cafés, walking groups and the everyday ways neighbours accompany loss.",
     "Cafés deuil, groupes de marche et gestes quotidiens pour accompagner le deuil.",
     "purple", "grief-bereavement"),
    ("advance-care-planning", "Advance care planning", "Planification préalable des soins",
     "Helping people talk about what matters to them before a crisis.",
     "Aider les gens à parler de ce qui compte pour eux avant une crise.",
     "green", "advance-care-planning"),
    ("neighbour-networks", "Neighbour and volunteer networks", "Réseaux de voisins et de bénévoles",
     "Recruiting, training and keeping the volunteers and neighbours who show up.",
     "Recruter, former et garder les bénévoles et les voisins qui répondent présents.",
     "ochre", "neighbour-networks"),
    ("municipal-charters", "Municipal charters and policy", "Chartes municipales et politiques",
     "Bringing a city or town council on board, from the first meeting to a signed charter.",
     "Rallier un conseil municipal, de la première rencontre à la charte signée.",
     "slate", "municipal-charters"),
    ("evaluation-research", "Evaluation and research", "Évaluation et recherche",
     "Measuring what changes, and the studies that help us make the case.",
     "Mesurer ce qui change, et les études qui appuient nos démarches.",
     "blue", "evaluation-research"),
    ("funding-sustainability", "Funding and sustainability", "Financement et pérennité",
     "Grants, partnerships and keeping an initiative alive after the first year.",
     "Subventions, partenariats et survie d'une initiative après la première année.",
     "green", None),
]  # fmt: skip

# space, kind, author index, title, body, areas, replies [(author index, body)], accepted reply
CONVERSATIONS = [
    ("introductions", "discussion", 2, "Hello from Ottawa",
     "I am a palliative care social worker at Bruyère. We are starting a caregiver café with "
     "two parishes and the public library. I would love to hear from anyone who has run one "
     "in a library.",
     ["caregiver-support"],
     [(3, "Welcome, Aisha! Our hospice ran a café at the Kelowna library for two years. "
          "Happy to share our flyer and the questions we started each session with."),
      (0, "Bienvenue! À Sherbrooke, la bibliothèque nous prête une salle gratuitement. "
          "C'est un excellent partenaire.")],
     None),
    ("introductions", "discussion", 1, "Bonjour de Rimouski",
     "Je coordonne les bénévoles à la Maison Marie-Élisabeth. Nous voulons créer un réseau "
     "de voisins dans trois quartiers. Qui a déjà fait une cartographie des ressources?",
     ["neighbour-networks"],
     [(4, "Bienvenue Jean-François! Nous avons fait une cartographie au Saguenay avec des "
          "étudiants en travail social. Je peux vous envoyer notre gabarit.")],
     None),
    ("caregiver-support", "question", 2, "How do you find caregivers who do not call themselves caregivers?",
     "Most people looking after a spouse or a parent do not use the word. Our posters reach "
     "almost nobody. What has worked for you to reach them?",
     ["caregiver-support"],
     [(5, "Pharmacists. They see the same person picking up prescriptions for someone else "
          "every week. We gave them a small card to hand out, and it worked better than anything."),
      (3, "Agreed on pharmacies. Also hairdressers and barbers in small towns. "
          "{mention:0} did something similar with the city's recreation centres."),
      (2, "Thank you both, we will try the pharmacy cards this winter.")],
     1),
    ("grief-bereavement", "question", 3, "Grief café: how many people per table?",
     "We are opening our first grief café next month. How many people do you seat at one "
     "table before it stops feeling safe to speak?",
     ["grief-bereavement"],
     [(4, "Six at most, with one host per table. Beyond that the quieter people stop talking."),
      (1, "Nous faisons des tables de cinq, et nous gardons une table libre pour ceux qui "
          "veulent seulement écouter.")],
     1),
    ("municipal-charters", "discussion", 0, "Charte municipale : ce qui a convaincu notre conseil",
     "Après deux ans, Sherbrooke a adopté sa charte de communauté bienveillante. Ce qui a "
     "fait la différence : des témoignages de citoyens au conseil, et un engagement modeste "
     "et mesurable pour la première année.",
     ["municipal-charters"],
     [(6, "Congratulations! Would you share the wording of the first-year commitment?"),
      (0, "Bien sûr : trois cafés deuil par année et une formation pour les employés "
          "municipaux qui répondent au public.")],
     None),
    ("getting-started", "question", 7, "Where do we start with a Compassionate Community?",
     "Our small town has a hospice society and a very engaged seniors' centre. We want to "
     "start something but do not know which first step matters most.",
     [],
     [(3, "Start with a conversation, not a program: invite twenty people who already care "
          "for someone and ask what would have helped them. The program comes out of that."),
      (5, "And map what already exists before building anything new.")],
     1),
    ("evaluation-research", "question", 5, "Measuring social connection without a long survey",
     "Funders want outcomes. Has anyone used a short measure of loneliness or connection "
     "that people do not find intrusive?",
     ["evaluation-research"],
     [(2, "We used the three-item UCLA loneliness scale at the start and after six months. "
          "It takes a minute and people did not mind it.")],
     1),
    ("funding-sustainability", "discussion", 6, "Keeping volunteers after the grant ends",
     "Our grant ends in March. The volunteers are committed, but the coordinator's position "
     "is funded by the grant. How have others kept a coordinator?",
     ["neighbour-networks"],
     [(4, "We split the role between two partner organizations, a day a week each.")],
     None),
]  # fmt: skip


def mention(person: User) -> str:
    """A mention as the "@" suggestions write it (see conversations/mentions.py)."""
    return f"[@{person.name}](/{person.language}/people/{person.pk}/)"


def seed(log):
    if Space.objects.exists():
        return []
    areas = {area.slug: area for area in FocusArea.objects.all()}
    people = list(
        User.objects.filter(email__endswith="@demo.commonplace.test", role=Role.MEMBER)
        .exclude(email__in=["alice@demo.commonplace.test", "benoit@demo.commonplace.test"])
        .order_by("date_joined", "pk")[:8]
    )
    steward = User.objects.filter(role=Role.STEWARD).order_by("pk").first()
    alice = User.objects.filter(email="alice@demo.commonplace.test").first()
    if len(people) < 8 or steward is None:
        log("Conversations need the demo members first; skipped")
        return []
    with transaction.atomic():
        spaces = {}
        for position, (slug, name_en, name_fr, text_en, text_fr, colour, _area) in enumerate(
            SPACES
        ):
            spaces[slug] = Space.objects.create(
                slug=slug, name_en=name_en, name_fr=name_fr, description_en=text_en,
                description_fr=text_fr, colour=colour, position=position,
            )  # fmt: skip
        spaces["municipal-charters"].facilitators.add(people[0])
        private = Space.objects.create(
            slug="stewards-circle", name_en="Stewards' circle", name_fr="Cercle des intendants",
            description_en="Where stewards and facilitators plan together.",
            description_fr="Là où intendants et animateurs planifient ensemble.",
            colour="slate", position=len(SPACES), is_private=True,
        )  # fmt: skip
        private.members.add(steward, people[0])
        if alice is not None:
            space_follow(space=spaces["caregiver-support"], member=alice, follow=True)
        start = timezone.now() - timedelta(days=20)
        for index, (slug, kind, author, title, body, area_slugs, replies, accepted) in enumerate(
            CONVERSATIONS
        ):
            topic = topic_start(
                space=spaces[slug], author=people[author], title=title, body=body, kind=kind,
                areas=[areas[area] for area in area_slugs if area in areas],
            )  # fmt: skip
            posted = []
            for reply_author, text in replies:
                text = re.sub(
                    r"\{mention:(\d)\}", lambda found: mention(people[int(found[1])]), text
                )
                posted.append(reply_post(topic=topic, author=people[reply_author], body=text))
            if accepted is not None:
                answer_accept(topic=topic, reply=posted[accepted - 1], member=people[author])
                reaction_toggle(reply=posted[accepted - 1], member=people[author], kind="helpful")
            # Spread the conversations over the last three weeks, oldest first.
            moment = start + timedelta(days=index * 2, hours=index)
            Topic.objects.filter(pk=topic.pk).update(created_at=moment, last_activity_at=moment)
        topic_start(
            space=private, author=steward, title="Planning the spring gathering",
            body="Let us choose two dates for the spring gathering and who hosts which session.",
        )  # fmt: skip
        # These conversations are the demo's past: show their notices in the app, but do not
        # send the demo members a pile of emails about them when the worker starts.
        Notification.objects.filter(emailed_at__isnull=True).update(emailed_at=timezone.now())
    log(f"Created {len(SPACES) + 1} spaces and {len(CONVERSATIONS) + 1} conversations")
    return []
