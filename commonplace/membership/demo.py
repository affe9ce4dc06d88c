"""Demo join requests in every state, and the Compassionate Communities wording of the form."""

from datetime import timedelta

from django.utils import timezone

from commonplace.accounts.models import Role, User
from commonplace.membership.models import (
    JoinQuestion,
    JoinRequest,
    JoinRequestEvent,
    StewardMessage,
)

QUESTIONS = {
    JoinQuestion.Key.INITIATIVE: (
        "Tell us a bit about your Compassionate Community initiative",
        "Parlez-nous un peu de votre initiative de communauté bienveillante",
    ),
    JoinQuestion.Key.GOALS: (
        "What are your goals in joining the community of practice?",
        "Quels sont vos objectifs en vous joignant à la communauté de pratique?",
    ),
}

MESSAGES = {
    StewardMessage.Key.DECLINE: (
        "Thank you for writing to us. This community of practice brings together people who are "
        "building a Compassionate Community initiative, and from your request we could not see "
        "such a project yet. When you start one, or join one, please ask again: we would be glad "
        "to hear from you.",
        "Merci de nous avoir écrit. Cette communauté de pratique réunit des personnes qui bâtissent "
        "une initiative de communauté bienveillante, et votre demande ne nous permet pas encore d'en "
        "voir une. Lorsque vous en lancerez une, ou vous joindrez à une, écrivez-nous de nouveau : "
        "nous serons heureux d'avoir de vos nouvelles.",
    ),
    StewardMessage.Key.MORE_INFORMATION: (
        "Thank you for your request. Could you tell us a little more about the initiative you are "
        "part of: where it is, who is involved, and what stage it has reached?",
        "Merci de votre demande. Pourriez-vous nous en dire un peu plus sur l'initiative à laquelle "
        "vous participez : où elle se trouve, qui y participe et à quelle étape elle en est?",
    ),
}

# name, email, organization, province, language, status, days ago, initiative, goals
REQUESTS = [
    ("Marguerite Ouellet", "marguerite@demo.commonplace.test", "Maison de soins palliatifs du Granit",
     "QC", "fr", "new", 1, "Nous lançons un café deuil mensuel à Lac-Mégantic avec la bibliothèque.",
     "Apprendre comment d'autres communautés recrutent et forment leurs bénévoles."),
    ("Daniel Whitehorse", "daniel@demo.commonplace.test", "Treaty Four Wellness Circle",
     "SK", "en", "new", 3, "A circle of Elders and youth supporting families caring for someone "
     "at home on reserve.", "Connect with other Indigenous-led approaches and share ours."),
    ("Priya Raman", "priya@demo.commonplace.test", "City of Hamilton, Age-Friendly Office", "ON",
     "en", "new", 6, "Drafting a municipal compassionate city charter for council.",
     "See charters other municipalities adopted and how they measured progress."),
    ("Sophie Arsenault", "sophie@demo.commonplace.test", "", "NB", "fr", "new", 0,
     "Une idée : un réseau de voisins aidants dans mon quartier de Moncton.", ""),
    ("Tom Gallant", "tom@demo.commonplace.test", "Summerside Rotary", "PE", "en",
     "awaiting_information", 9, "Interested in helping.", "Learn more."),
    ("Inès Haddad", "ines@demo.commonplace.test", "Université d'Ottawa", "ON", "fr",
     "awaiting_information", 12, "Recherche sur la littératie de la mort en milieu scolaire.",
     "Trouver des partenaires pour une évaluation."),
    ("Grace Kowalski", "grace@demo.commonplace.test", "Comox Valley Hospice Society", "BC", "en",
     "approved", 20, "Neighbour-to-neighbour caregiver support across the valley.",
     "Share our volunteer training and learn about evaluation."),
    ("Étienne Roy", "etienne@demo.commonplace.test", "Sherbrooke, ville bienveillante", "QC", "fr",
     "approved", 30, "Charte municipale adoptée en 2025; nous formons des ambassadeurs.",
     "Échanger avec d'autres villes sur la mise en œuvre."),
    ("Brandon Lee", "brandon@demo.commonplace.test", "Lee Consulting Inc.", "AB", "en",
     "declined", 40, "We sell end-of-life planning software to municipalities.",
     "Find customers."),
]  # fmt: skip


def seed(log):
    for question, (label_en, label_fr) in QUESTIONS.items():
        JoinQuestion.objects.get_or_create(
            key=question, defaults={"label_en": label_en, "label_fr": label_fr}
        )
    for message_key, (body_en, body_fr) in MESSAGES.items():
        StewardMessage.objects.get_or_create(
            key=message_key, defaults={"body_en": body_en, "body_fr": body_fr}
        )
    if JoinRequest.objects.filter(email__endswith="@demo.commonplace.test").exists():
        return []
    steward = User.objects.filter(role=Role.STEWARD).first()
    now = timezone.now()
    for name, email, organization, province, language, status, days, initiative, goals in REQUESTS:
        submitted = now - timedelta(days=days, hours=3)
        request = JoinRequest.objects.create(
            name=name,
            email=email,
            organization=organization,
            province=province,
            language=language,
            status=status,
            initiative=initiative,
            goals=goals,
            submitted_at=submitted,
            stewards_notified_at=submitted,
        )
        JoinRequestEvent.objects.create(
            request=request, kind=JoinRequestEvent.Kind.SUBMITTED, created_at=submitted
        )
        if status == JoinRequest.Status.NEW:
            continue
        answered = submitted + timedelta(days=1, hours=2)
        request.first_response_at = answered
        kind = {
            "awaiting_information": JoinRequestEvent.Kind.INFORMATION_REQUESTED,
            "approved": JoinRequestEvent.Kind.APPROVED,
            "declined": JoinRequestEvent.Kind.DECLINED,
        }[status]
        message = (
            MESSAGES[StewardMessage.Key.MORE_INFORMATION][language == "fr"]
            if (status == "awaiting_information")
            else ""
        )
        if status == "awaiting_information":
            request.information_requested_at = answered
        else:
            request.decided_at, request.decided_by = answered, steward
        request.save()
        JoinRequestEvent.objects.create(
            request=request,
            kind=kind,
            actor=steward,
            actor_name=steward.display_name if steward else "",
            message=message,
            created_at=answered,
        )
    log(f"Created {len(REQUESTS)} join requests")
    return []
