"""What the demo library holds: the resources with their texts and files, who used them, the
translation pairs, the collections, the comments and the suggested edit. Data only; the seed in
``__init__`` puts it in place through the library's services."""

from dataclasses import dataclass

from commonplace.library import samples
from commonplace.library.models import Resource

DOMAIN = "demo.commonplace.test"
STEWARD = "sam@demo.commonplace.test"

# The headings of each kind's prompts (library/migrations/0002_kinds_and_audiences.py): every
# demo body is written under them, as members' resources start from them.
HEADINGS = {
    "story": {
        "en": ("What happened", "What we learned", "What we would do differently"),
        "fr": ("Ce qui s'est passé", "Ce que nous avons appris", "Ce que nous ferions autrement"),
    },
    "tool": {
        "en": ("What it is for", "How to use it", "How to adapt it"),
        "fr": ("À quoi il sert", "Comment l'utiliser", "Comment l'adapter"),
    },
    "guide": {
        "en": ("Who this guide is for", "Steps", "Where to learn more"),
        "fr": ("À qui s'adresse ce guide", "Étapes", "Pour aller plus loin"),
    },
    "research": {
        "en": ("Citation", "Findings", "What it means for practice"),
        "fr": ("Référence", "Constats", "Ce que cela change pour la pratique"),
    },
    "recording": {
        "en": ("What the recording covers", "Speakers", "Moments worth watching"),
        "fr": ("Ce que couvre l'enregistrement", "Intervenants", "Moments à ne pas manquer"),
    },
    "problem": {
        "en": ("The problem", "What members tried", "What worked"),
        "fr": ("Le problème", "Ce que les membres ont essayé", "Ce qui a fonctionné"),
    },
}


@dataclass(frozen=True)
class DemoFile:
    """A document the seed writes: a PDF or a Word file, by the name's ending."""

    name: str
    title: str
    paragraphs: tuple[str, ...]
    language: str = "en"

    def content(self) -> bytes:
        make = samples.docx if self.name.endswith(".docx") else samples.pdf
        return make(self.title, self.paragraphs, language=self.language)


@dataclass(frozen=True)
class DemoResource:
    key: str
    kind: str
    language: str
    title: str
    summary: str
    # One text per heading of the kind, in the resource's language; a resource in both
    # languages has its French ones in ``sections_fr``, after the English.
    sections: tuple[str, ...]
    authors: tuple[str, ...]
    days_ago: int
    sections_fr: tuple[str, ...] = ()
    areas: tuple[str, ...] = ()
    audiences: tuple[str, ...] = ()
    province: str = ""  # empty: the whole country
    licence: str = Resource.Licence.CC_BY
    credits: tuple[str, ...] = ()
    links: tuple[str, ...] = ()
    files: tuple[DemoFile, ...] = ()
    status: str = Resource.Status.PUBLISHED

    def body(self) -> str:
        parts = []
        languages = ("en", "fr") if self.language == Resource.Language.BOTH else (self.language,)
        for language in languages:
            texts = self.sections_fr if language == "fr" and self.sections_fr else self.sections
            sections = [
                f"## {heading}\n\n{text}"
                for heading, text in zip(HEADINGS[self.kind][language], texts, strict=True)
            ]
            parts.append("\n\n".join(sections))
        return "\n\n---\n\n".join(parts)


RESOURCES = [
    # --- Guides ---------------------------------------------------------------------------------
    DemoResource(
        key="grief-cafe-guide",
        kind="guide",
        language="en",
        title="Hosting a grief café: a guide for first-time hosts",
        summary=(
            "How we run a monthly drop-in where people who are grieving can talk over coffee: "
            "the room, the hosts, the first ten minutes and what happens afterwards."
        ),
        sections=(
            "Hospice volunteers, librarians, faith groups and neighbours who want to open a "
            "regular, informal place where grieving people can talk. No clinical training is "
            "needed: a warm host and a calm room matter more.",
            "1. Find a free, accessible room you can have every month at the same time, ideally "
            "somewhere people already go, such as a library or a community centre.\n"
            "2. Recruit two hosts per table and meet them once before the first café to agree "
            "on the ground rules.\n"
            "3. Seat six people per table at most, and keep one quiet table for those who only "
            "want to listen.\n"
            "4. Open with the same short welcome every time: what is said here stays here, no "
            "advice unless someone asks for it, and anyone may leave when they need to.\n"
            "5. Close ten minutes before the end, with a printed list of local grief supports "
            "on every table.\n"
            "6. Take fifteen minutes with the hosts after each café to talk about how it went.",
            "The handbook attached has our welcome, the ground rules and the questions hosts "
            "ask each other afterwards. The Saguenay team wrote a French version for their own "
            "cafés.",
        ),
        authors=("Tom Nakamura", "Louise Tremblay"),
        days_ago=41,
        areas=("grief-bereavement", "death-literacy"),
        audiences=("organizers", "volunteers"),
        credits=("The volunteer hosts of the Kelowna library grief café",),
        links=("https://www.virtualhospice.ca/",),
        files=(
            DemoFile(
                "grief-cafe-host-handbook.pdf",
                "Grief café host handbook",
                (
                    "This handbook goes with the guide in the Commonplace library. Print one copy "
                    "for each host and bring a spare.",
                    "## The welcome, read aloud",
                    "Welcome, and thank you for coming. Some of you are here for the first "
                    "time. This is not a therapy group and nobody here is an expert: we are "
                    "people who know that grief is easier to carry when we can talk about it.",
                    "What is said at a table stays at that table. Speak about your own "
                    "experience, and listen without fixing. You may pass at any time, and you "
                    "may leave early without explaining why.",
                    "## Setting the room",
                    "Round tables, six chairs each, and one table set apart near the window "
                    "for people who would rather listen. Name cards with first names only. A "
                    "box of tissues on every table, placed where nobody has to ask for it.",
                    "Coffee, decaf and cookies by the door, so that arriving late never "
                    "means walking across the room.",
                    "## After the café: questions for the hosts",
                    "Who spoke for the first time today? Who did not speak, and is that all "
                    "right? Did anyone leave upset, and does someone need to call them this "
                    "week? What would we change next month?",
                    "## Local supports to print",
                    "Before your first café, list the bereavement services of your hospice, "
                    "your health authority's mental health line, and any peer support groups "
                    "nearby. Update the list every season.",
                ),
            ),
        ),
    ),
    DemoResource(
        key="cafe-deuil-guide",
        kind="guide",
        language="fr",
        title="Animer un café deuil : guide pour une première animation",
        summary=(
            "Comment nous tenons chaque mois une rencontre ouverte où les personnes endeuillées "
            "peuvent parler autour d'un café : la salle, les animateurs, les premières minutes "
            "et la suite."
        ),
        sections=(
            "Aux bénévoles, aux bibliothécaires, aux paroisses et aux groupes communautaires qui "
            "veulent offrir un lieu simple et régulier où les personnes endeuillées peuvent "
            "parler. Nul besoin d'être intervenant : un accueil chaleureux et une salle "
            "tranquille comptent davantage.",
            "1. Trouvez une salle gratuite et accessible, disponible chaque mois à la même "
            "heure, dans un lieu que les gens fréquentent déjà.\n"
            "2. Prévoyez deux animateurs par table et réunissez-les avant la première rencontre "
            "pour convenir des règles.\n"
            "3. Limitez chaque table à cinq personnes et gardez une table libre pour ceux qui "
            "veulent seulement écouter.\n"
            "4. Commencez toujours par le même mot d'accueil : ce qui se dit ici reste ici, pas "
            "de conseils à moins qu'on en demande, et chacun part quand il le souhaite.\n"
            "5. Terminez dix minutes avant l'heure et laissez sur chaque table la liste des "
            "ressources en deuil de la région.\n"
            "6. Prenez un quart d'heure entre animateurs, après chaque café, pour faire le point.",
            "Le document joint contient notre mot d'accueil, les règles de la table et les "
            "questions que se posent les animateurs après la rencontre. Ce guide adapte pour "
            "le Saguenay celui de l'équipe de Kelowna.",
        ),
        authors=("Louise Tremblay",),
        days_ago=34,
        areas=("grief-bereavement",),
        audiences=("organizers", "volunteers"),
        province="QC",
        credits=("L'équipe d'animation des Cafés deuil du Saguenay",),
        links=("https://www.virtualhospice.ca/",),
        files=(
            DemoFile(
                "guide-animation-cafe-deuil.pdf",
                "Café deuil : aide-mémoire des animateurs",
                (
                    "Cet aide-mémoire accompagne le guide de la bibliothèque Commonplace. "
                    "Imprimez-en un exemplaire par animateur.",
                    "## Le mot d'accueil, à lire à voix haute",
                    "Bienvenue, et merci d'être là. Certains d'entre vous viennent pour la "
                    "première fois. Ce n'est pas une thérapie, et personne ici n'est expert : "
                    "nous savons simplement que le deuil se porte mieux quand on peut en parler.",
                    "Ce qui se dit à une table reste à cette table. Parlez de votre propre "
                    "expérience et écoutez sans chercher à réparer. Vous pouvez passer votre "
                    "tour, et partir plus tôt sans avoir à vous expliquer.",
                    "## Préparer la salle",
                    "Des tables rondes de cinq chaises, et une table à l'écart pour celles et "
                    "ceux qui préfèrent écouter. Des cartons avec le prénom seulement. Une boîte "
                    "de mouchoirs sur chaque table, à portée de main.",
                    "Du café, du thé, de la tisane et des biscuits près de la porte : arriver "
                    "en retard ne doit jamais obliger à traverser la salle.",
                    "## Après le café : questions entre animateurs",
                    "Qui a parlé pour la première fois? Qui n'a rien dit, et est-ce correct? "
                    "Quelqu'un est-il reparti bouleversé, et faut-il l'appeler cette semaine? "
                    "Que changerons-nous le mois prochain?",
                ),
                language="fr",
            ),
        ),
    ),
    DemoResource(
        key="asset-mapping",
        kind="guide",
        language="both",
        title=(
            "Mapping what your community already has / Cartographier ce que votre communauté "
            "possède déjà"
        ),
        summary=(
            "Before building anything new, list the people, places and groups that already "
            "support those who are dying, caring or grieving. / Avant de créer quoi que ce "
            "soit, repérez les personnes, les lieux et les groupes qui soutiennent déjà."
        ),
        sections=(
            "Anyone starting a Compassionate Community, especially a small steering group that "
            "wants to know its town before it plans.",
            "1. Gather six to ten people who know different corners of the community.\n"
            "2. On a large map, mark where people already meet: libraries, places of worship, "
            "coffee shops, arenas, pharmacies.\n"
            "3. For each place, note who runs it and whether they already help people through "
            "illness, caring or loss.\n"
            "4. Circle the gaps: neighbourhoods, languages or groups nobody at the table knows.\n"
            "5. Choose one gap and one existing partner to start with.",
            "The worksheet attached works on paper or on a screen. Draw the map again a year "
            "later to see what changed.",
        ),
        sections_fr=(
            "Toute personne qui lance une communauté bienveillante, en particulier un petit "
            "comité qui veut connaître son milieu avant de planifier.",
            "1. Réunissez de six à dix personnes qui connaissent différents coins du milieu.\n"
            "2. Sur une grande carte, indiquez les lieux où les gens se rencontrent déjà : "
            "bibliothèques, lieux de culte, cafés, arénas, pharmacies.\n"
            "3. Pour chaque lieu, notez qui le fait vivre et s'il aide déjà des personnes "
            "malades, proches aidantes ou endeuillées.\n"
            "4. Encerclez les angles morts : les quartiers, les langues ou les groupes que "
            "personne autour de la table ne connaît.\n"
            "5. Choisissez un angle mort et un partenaire existant pour commencer.",
            "La fiche jointe s'utilise sur papier ou à l'écran. Refaites la carte un an plus "
            "tard pour voir ce qui a changé.",
        ),
        authors=("Jean-François Bouchard", "Heather MacLeod"),
        days_ago=33,
        areas=("neighbour-networks", "social-prescribing"),
        audiences=("organizers",),
        licence=Resource.Licence.CC_BY_SA,
        credits=("Social work students who tested the worksheet in Rimouski",),
        files=(
            DemoFile(
                "asset-mapping-worksheet.docx",
                "Asset mapping worksheet / Fiche de cartographie des ressources",
                (
                    "## Places where people already meet / Lieux où les gens se rencontrent",
                    "Place / Lieu: ______  Who runs it / Qui le fait vivre: ______",
                    "Do they already help people who are ill, caring or grieving? / Aident-ils "
                    "déjà des personnes malades, proches aidantes ou endeuillées?",
                    "## People others turn to / Personnes vers qui l'on se tourne",
                    "The pharmacist, the barber, the parish secretary, the school bus driver: "
                    "who hears about illness and loss first? / La pharmacienne, le barbier, la "
                    "secrétaire de la paroisse, le chauffeur d'autobus : qui apprend la maladie "
                    "et le deuil en premier?",
                    "## Gaps / Angles morts",
                    "Which neighbourhoods, languages or groups does nobody here know? / Quels "
                    "quartiers, quelles langues ou quels groupes personne ici ne connaît-il?",
                ),
            ),
        ),
    ),
    DemoResource(
        key="benevoles-accompagnement",
        kind="guide",
        language="fr",
        title="Former des bénévoles d'accompagnement en fin de vie",
        summary=(
            "Un parcours de formation en quatre soirées pour les bénévoles qui visitent des "
            "personnes en fin de vie à domicile, et ce que nous avons retiré de trois cohortes."
        ),
        sections=(
            "Aux coordonnateurs de bénévoles des maisons de soins palliatifs, des paroisses et "
            "des organismes communautaires qui préparent des bénévoles aux visites à domicile.",
            "1. Rencontrez chaque candidat seul à seul avant la formation : ses raisons, ses "
            "deuils récents, ses disponibilités.\n"
            "2. Soirée 1 : écouter sans réparer, avec des mises en situation.\n"
            "3. Soirée 2 : les limites du rôle, la confidentialité et quand appeler l'équipe.\n"
            "4. Soirée 3 : les derniers jours, les rituels et les familles.\n"
            "5. Soirée 4 : prendre soin de soi, et la première visite en duo avec un "
            "bénévole d'expérience.",
            "Le plan détaillé des quatre soirées est joint. Le guide anglais sur les cafés "
            "deuil complète bien la soirée 3.",
        ),
        authors=("Jean-François Bouchard", "Isabelle Fortin"),
        days_ago=22,
        areas=("neighbour-networks", "grief-bereavement"),
        audiences=("volunteers", "organizers"),
        province="QC",
        files=(
            DemoFile(
                "formation-benevoles-accompagnement.pdf",
                "Formation des bénévoles d'accompagnement : plan des quatre soirées",
                (
                    "## Soirée 1 : écouter sans réparer",
                    "Accueil et présentations (20 minutes). Exercice en trios : une personne "
                    "raconte une perte vécue, une écoute, une observe. Retour en grand groupe "
                    "sur ce qui aide et ce qui nuit.",
                    "## Soirée 2 : les limites du rôle",
                    "Ce que le bénévole fait, ce qu'il ne fait pas (soins, médicaments, "
                    "conseils juridiques). La confidentialité, y compris sur les réseaux "
                    "sociaux. Les situations où l'on appelle l'équipe sans attendre.",
                    "## Soirée 3 : les derniers jours",
                    "Les changements que vivent la personne et sa famille. Les rituels selon "
                    "les traditions présentes dans le quartier. Témoignage d'une famille.",
                    "## Soirée 4 : prendre soin de soi",
                    "Reconnaître l'usure. Le groupe de soutien mensuel des bénévoles. "
                    "Jumelage pour la première visite en duo.",
                ),
                language="fr",
            ),
        ),
    ),
    DemoResource(
        key="first-six-months",
        kind="guide",
        language="en",
        title="Where to start: the first six months of a Compassionate Community",
        summary=(
            "A month-by-month path for a new group: listen first, map what exists, choose one "
            "small visible action, and bring local government in early."
        ),
        sections=(
            "New groups of two to ten people, often started by a hospice, a library or a few "
            "neighbours, who are wondering which first step matters most.",
            "1. Month 1: invite twenty people who have cared for someone and ask what would "
            "have helped them.\n"
            "2. Month 2: map what already exists, with the asset mapping worksheet.\n"
            "3. Month 3: choose one small, visible action, such as a monthly grief café or "
            "pharmacy cards for caregivers.\n"
            "4. Month 4: meet a municipal councillor informally, with two residents' stories.\n"
            "5. Month 5: run the action and count who came.\n"
            "6. Month 6: gather the first twenty people again, tell them what happened, and "
            "ask what comes next.",
            'The library\'s collection "Starting a Compassionate Community" gathers the tools '
            "this guide mentions. Members who have done this are happy to talk: ask in the "
            "Getting started space.",
        ),
        authors=("Graham Whitfield", "Samira Tremblay"),
        days_ago=48,
        areas=("neighbour-networks", "municipal-charters"),
        audiences=("organizers",),
        links=("https://www.chpca.ca/", "https://www.pallium.ca/"),
    ),
    # --- Tools ----------------------------------------------------------------------------------
    DemoResource(
        key="charter-en",
        kind="tool",
        language="en",
        title="Compassionate Community charter: a template for councils",
        summary=(
            "A two-page charter a municipal council can adopt, with three first-year "
            "commitments modest enough to be kept."
        ),
        sections=(
            "A short charter lets a council say, publicly, that dying, caring and grieving "
            "are part of community life, and commit to a few concrete actions.",
            "Fill in the bracketed parts with your partners before you meet council staff. "
            "Bring two or three short testimonies from residents: they carry the decision "
            "more than figures do.",
            "Keep the first-year commitments small and measurable, for example three grief "
            "cafés and one training for front-desk staff. Add a line naming who reports back "
            "to council, and when.",
        ),
        authors=("Marie-Ève Lavoie", "Mohammed Al-Sayed"),
        days_ago=28,
        areas=("municipal-charters",),
        audiences=("municipal", "organizers"),
        files=(
            DemoFile(
                "compassionate-community-charter-template.docx",
                "[Municipality] Compassionate Community Charter",
                (
                    "## Preamble",
                    "Whereas every resident will at some point live with serious illness, "
                    "care for someone, or grieve; whereas most of that time is spent at home "
                    "and in the community, not in hospital;",
                    "The Council of [municipality] declares that caring for one another "
                    "through illness, dying and loss is a shared responsibility of the whole "
                    "community.",
                    "## Our commitments",
                    "1. To make municipal places (libraries, recreation centres) welcoming "
                    "for caregivers and grieving residents.",
                    "2. To train front-desk staff to recognise and respond to residents who "
                    "are caring or grieving.",
                    "3. To work with [partners] on a yearly public event about death, dying "
                    "and grief.",
                    "## First-year actions",
                    "[Three actions, each with a partner and a number, for example: three "
                    "grief cafés in municipal libraries.]",
                    "## Reporting",
                    "[Department] reports to Council on these actions every [month] of each year.",
                ),
            ),
        ),
    ),
    DemoResource(
        key="charte-fr",
        kind="tool",
        language="fr",
        title="Charte de communauté bienveillante : modèle pour les conseils municipaux",
        summary=(
            "Une charte de deux pages qu'un conseil municipal peut adopter, avec trois "
            "engagements pour la première année, assez modestes pour être tenus."
        ),
        sections=(
            "Une charte courte permet à un conseil d'affirmer publiquement que la fin de vie, "
            "le soutien aux proches et le deuil font partie de la vie de la communauté, et de "
            "s'engager à quelques actions concrètes.",
            "Remplissez les passages entre crochets avec vos partenaires avant de rencontrer "
            "les fonctionnaires. Apportez deux ou trois courts témoignages de citoyens : ils "
            "pèsent plus lourd que les chiffres.",
            "Gardez des engagements modestes et mesurables pour la première année, par exemple "
            "trois cafés deuil et une formation pour le personnel d'accueil. Précisez qui fait "
            "rapport au conseil, et à quel moment.",
        ),
        authors=("Marie-Ève Lavoie",),
        days_ago=30,
        areas=("municipal-charters",),
        audiences=("municipal", "organizers"),
        province="QC",
        files=(
            DemoFile(
                "modele-charte-communaute-bienveillante.docx",
                "Charte de communauté bienveillante de [municipalité]",
                (
                    "## Préambule",
                    "Attendu que chaque citoyen vivra un jour la maladie grave, le rôle de "
                    "proche aidant ou le deuil; attendu que ces moments se vivent surtout à "
                    "la maison et dans la communauté, et non à l'hôpital;",
                    "Le conseil de [municipalité] déclare que prendre soin les uns des autres "
                    "dans la maladie, la fin de vie et le deuil est une responsabilité partagée "
                    "par toute la communauté.",
                    "## Nos engagements",
                    "1. Rendre les lieux municipaux (bibliothèques, centres de loisirs) "
                    "accueillants pour les proches aidants et les personnes endeuillées.",
                    "2. Former le personnel d'accueil à reconnaître les citoyens qui "
                    "soutiennent un proche ou vivent un deuil, et à bien les orienter.",
                    "3. Organiser chaque année, avec [partenaires], une activité publique sur "
                    "la mort, la fin de vie et le deuil.",
                    "## Actions de la première année",
                    "[Trois actions, chacune avec un partenaire et un chiffre, par exemple : "
                    "trois cafés deuil dans les bibliothèques municipales.]",
                    "## Reddition de comptes",
                    "[Service] fait rapport au conseil chaque année, au mois de [mois].",
                ),
                language="fr",
            ),
        ),
    ),
    DemoResource(
        key="acp-cards-en",
        kind="tool",
        language="en",
        title="Conversation starter cards for advance care planning",
        summary=(
            "Twelve printable cards, one question each, to open a conversation about what "
            "matters most before a health crisis."
        ),
        sections=(
            "Starting a conversation about future care at library workshops, caregiver cafés "
            "and in waiting rooms, without a form in sight.",
            "Print double-sided on card stock and cut. Let each person pick three cards they "
            "would be willing to answer; nobody has to answer them all. The last card points "
            "to the official forms, which differ from province to province.",
            "Change the last card to your province's rules on substitute decision-makers and "
            "to local contacts. Keep the questions short if you translate them.",
        ),
        authors=("Aisha Mohamed",),
        days_ago=21,
        areas=("advance-care-planning",),
        audiences=("caregivers", "health-professionals", "volunteers"),
        province="ON",
        licence=Resource.Licence.CC_BY_NC,
        links=("https://www.advancecareplanning.ca/",),
        files=(
            DemoFile(
                "acp-conversation-cards.pdf",
                "Conversation starter cards",
                (
                    "Print double-sided, cut along the lines, and let people choose.",
                    "1. What makes a good day for you?",
                    "2. Who would you want beside you if you were very ill?",
                    "3. What worries you most about the future?",
                    "4. Is there anything you would not want, even if it kept you alive longer?",
                    "5. Who knows what matters to you? Who should?",
                    "6. Where would you most like to be cared for?",
                    "7. What have you learned from the illness or death of someone close?",
                    "8. What would you want your family to know, in case you could not speak "
                    "for yourself?",
                    "9. Which of your traditions or beliefs should your care respect?",
                    "10. What would you like to do while you still can?",
                    "11. What would help the person who speaks for you feel at peace with "
                    "their choices?",
                    "12. Ready to write it down? Ask us for the forms used in your province.",
                ),
            ),
        ),
    ),
    DemoResource(
        key="acp-cards-fr",
        kind="tool",
        language="fr",
        title="Cartes pour amorcer la conversation sur la planification préalable des soins",
        summary=(
            "Douze cartes à imprimer, une question chacune, pour parler de ce qui compte "
            "vraiment avant une crise de santé."
        ),
        sections=(
            "Amorcer une conversation sur les soins futurs lors d'ateliers en bibliothèque, de "
            "cafés pour proches aidants ou en salle d'attente, sans formulaire.",
            "Imprimez recto verso sur du carton, puis découpez. Chaque personne choisit trois "
            "cartes auxquelles elle veut bien répondre; personne n'est obligé de tout faire. "
            "La dernière carte renvoie aux formulaires officiels, qui varient d'une province "
            "à l'autre.",
            "Adaptez la dernière carte aux règles de votre province sur la personne qui "
            "décidera à votre place, et à vos ressources locales.",
        ),
        authors=("Amélie Bergeron",),
        days_ago=14,
        areas=("advance-care-planning",),
        audiences=("caregivers", "health-professionals", "volunteers"),
        province="QC",
        licence=Resource.Licence.CC_BY_NC,
        credits=("Relecture : deux proches aidantes du groupe de soutien de Gatineau",),
        links=("https://www.advancecareplanning.ca/",),
        files=(
            DemoFile(
                "cartes-conversation-planification-soins.pdf",
                "Cartes pour amorcer la conversation",
                (
                    "Imprimez recto verso, découpez, et laissez les gens choisir.",
                    "1. Qu'est-ce qui fait une bonne journée pour vous?",
                    "2. Qui aimeriez-vous avoir près de vous si vous étiez très malade?",
                    "3. Qu'est-ce qui vous inquiète le plus pour l'avenir?",
                    "4. Y a-t-il des soins que vous refuseriez, même s'ils prolongeaient "
                    "votre vie?",
                    "5. Qui sait ce qui compte pour vous? Qui devrait le savoir?",
                    "6. Où aimeriez-vous recevoir des soins?",
                    "7. Qu'avez-vous appris de la maladie ou du décès d'un proche?",
                    "8. Que voudriez-vous que votre famille sache, si vous ne pouviez plus "
                    "vous exprimer?",
                    "9. Quelles traditions ou croyances vos soins devraient-ils respecter?",
                    "10. Qu'aimeriez-vous faire pendant que vous le pouvez encore?",
                    "11. Qu'est-ce qui aiderait la personne qui parlera pour vous à être en "
                    "paix avec ses choix?",
                    "12. Prêt à le mettre par écrit? Demandez-nous les formulaires de votre "
                    "province.",
                ),
                language="fr",
            ),
        ),
    ),
    DemoResource(
        key="lesson-plans",
        kind="tool",
        language="both",
        title=(
            "Talking about death in high school: three lesson plans / Parler de la mort à "
            "l'école secondaire : trois plans de cours"
        ),
        summary=(
            "Three 60-minute lessons for grades 10 to 12 on loss, care and what a community "
            "can do. / Trois cours de 60 minutes pour la 4e et la 5e secondaire sur la perte, "
            "les soins et le rôle de la communauté."
        ),
        sections=(
            "Teachers who want to talk about death and grief in health, ethics or social "
            "studies classes, calmly and without singling anyone out.",
            "Lesson 1 looks at how different cultures mark a death; lesson 2 follows a family "
            "caring for a grandparent at home; lesson 3 asks students to design one thing "
            "their school could do for a grieving classmate. Tell families a week ahead.",
            "Check with your school's guidance counsellor before lesson 1, and let any student "
            "who has had a recent loss choose another task without explaining why.",
        ),
        sections_fr=(
            "Aux enseignants qui veulent aborder la mort et le deuil en éthique et culture "
            "religieuse, en santé ou en univers social, calmement et sans mettre un élève à "
            "l'écart.",
            "Le cours 1 compare la façon dont diverses cultures soulignent un décès; le cours "
            "2 suit une famille qui soigne une grand-mère à la maison; le cours 3 invite les "
            "élèves à imaginer un geste de l'école pour un camarade endeuillé. Prévenez les "
            "familles une semaine à l'avance.",
            "Consultez la psychoéducatrice de l'école avant le premier cours, et laissez tout "
            "élève qui a vécu un deuil récent choisir une autre tâche sans avoir à se "
            "justifier.",
        ),
        authors=("Sébastien Girard", "Emily Chen"),
        days_ago=25,
        areas=("death-literacy", "workplaces-schools"),
        audiences=("researchers", "organizers"),
        licence=Resource.Licence.CC_BY_SA,
        files=(
            DemoFile(
                "lesson-plans-death-literacy.docx",
                "Three lesson plans / Trois plans de cours",
                (
                    "## Lesson 1 / Cours 1 — Marking a death / Souligner un décès",
                    "Warm-up: students list the ways they have seen a death marked, in their "
                    "family or in films. / Mise en train : les élèves nomment les façons de "
                    "souligner un décès qu'ils ont vues, en famille ou au cinéma.",
                    "## Lesson 2 / Cours 2 — Caring at home / Soigner à la maison",
                    "A short case: a family of four shares the care of a grandmother for "
                    "three months. Who does what? Who helps the helpers? / Un court cas : une "
                    "famille de quatre se partage les soins d'une grand-mère pendant trois "
                    "mois. Qui fait quoi? Qui aide les aidants?",
                    "## Lesson 3 / Cours 3 — What could our school do? / Que pourrait faire "
                    "notre école?",
                    "In groups, design one thing the school could do for a grieving classmate, "
                    "and present it in two minutes. / En équipes, imaginez un geste de l'école "
                    "pour un camarade endeuillé, et présentez-le en deux minutes.",
                ),
            ),
        ),
    ),
    DemoResource(
        key="volunteer-checklist",
        kind="tool",
        language="en",
        title="Neighbour volunteer training checklist",
        summary=(
            "What every new neighbour volunteer learns before a first visit, on one page, "
            "with space for the coordinator to sign each item off."
        ),
        sections=(
            "Making sure nothing important is skipped when a volunteer joins in a hurry, "
            "which is most of the time.",
            "Go through it with the volunteer over two short meetings. Tick each item when "
            "it has been talked through, not merely handed out, and keep a copy in their file.",
            "Add your organization's own policies (driving, money, gifts) at the end. Keep it "
            "to one page: a longer list stops being read.",
        ),
        authors=("Catherine Doucet",),
        days_ago=18,
        areas=("neighbour-networks",),
        audiences=("volunteers", "organizers"),
        province="PE",
        files=(
            DemoFile(
                "neighbour-volunteer-training-checklist.docx",
                "Neighbour volunteer training checklist",
                (
                    "Volunteer: ______  Coordinator: ______  Date: ______",
                    "[ ] What a neighbour volunteer does, and does not do",
                    "[ ] Confidentiality, including social media",
                    "[ ] Listening without fixing: a short practice",
                    "[ ] Who to call, and when to call right away",
                    "[ ] Safety on home visits",
                    "[ ] Recognising caregiver exhaustion",
                    "[ ] Grief: what to say, what not to say",
                    "[ ] Looking after yourself, and the monthly volunteer circle",
                ),
            ),
        ),
    ),
    DemoResource(
        key="respite-rota",
        kind="tool",
        language="en",
        title="A respite rota for caregivers, on paper",
        summary=(
            "A one-page weekly rota that lets friends and neighbours take turns so a "
            "caregiver gets a few hours off, without an app or a spreadsheet."
        ),
        sections=(
            'Turning the offers of "let me know if I can help" into actual hours, so the '
            "caregiver does not have to ask each time.",
            "The caregiver, or a friend acting as coordinator, fills in the times that would "
            "help most. Helpers write their names in a slot and a phone number. The sheet "
            "lives on the fridge, and a photo of it goes to the group.",
            "Some families add a column for meals or rides. Keep one slot a week empty on "
            "purpose: it is the one the caregiver uses for an appointment of their own.",
        ),
        authors=("Raj Patel",),
        days_ago=9,
        areas=("caregiver-support", "neighbour-networks"),
        audiences=("caregivers", "volunteers"),
        province="ON",
        licence=Resource.Licence.CC0,
        files=(
            DemoFile(
                "respite-rota-template.docx",
                "Respite rota: week of ______",
                (
                    "Caregiver: ______  Coordinator's phone: ______",
                    "Monday — morning: ______  afternoon: ______  evening: ______",
                    "Tuesday — morning: ______  afternoon: ______  evening: ______",
                    "Wednesday — morning: ______  afternoon: ______  evening: ______",
                    "Thursday — morning: ______  afternoon: ______  evening: ______",
                    "Friday — morning: ______  afternoon: ______  evening: ______",
                    "Weekend — ______",
                    "Left empty on purpose, for the caregiver's own appointment: ______",
                ),
            ),
        ),
    ),
    DemoResource(
        key="pharmacy-cards",
        kind="tool",
        language="en",
        title="Pharmacy cards for caregivers who do not call themselves caregivers",
        summary=(
            "A small card pharmacists hand to the person who picks up someone else's "
            "prescriptions every week; the wording three groups settled on."
        ),
        sections=(
            "Reaching people looking after a spouse or a parent who would never answer a "
            'poster addressed to "caregivers".',
            "Print the card at business-card size. Ask two or three pharmacies to keep a few "
            "by the till and hand one over when they notice the same person collecting for "
            "someone else.",
            'Use the words people use about themselves: "helping someone get through a '
            'serious illness". Put a phone number that a person answers, not a website.',
        ),
        authors=("Raj Patel", "Tom Nakamura", "Alice Martin"),
        days_ago=5,
        areas=("caregiver-support", "social-prescribing"),
        audiences=("organizers", "health-professionals"),
        licence=Resource.Licence.CC0,
        files=(
            DemoFile(
                "pharmacy-card-wording.pdf",
                "Pharmacy card: the wording",
                (
                    "## Front",
                    "Are you helping someone get through a serious illness? You are not alone.",
                    "## Back",
                    "Call us for a chat, a visit from a neighbour, or a few hours off: "
                    "[phone number], weekdays from 9 to 5. [Your group's name]",
                    "## Notes for pharmacy staff",
                    "Hand the card over quietly, with the prescription. There is no need to "
                    "explain it, and nothing to fill in.",
                ),
            ),
        ),
    ),
    DemoResource(
        key="training-calendar-2023",
        kind="tool",
        language="en",
        title="Volunteer training calendar, 2023 to 2024",
        summary="The dates and topics of last year's volunteer evenings, kept for reference.",
        sections=(
            "Planning a year of volunteer training evenings.",
            "Each month has one evening and one topic; the dates were those of our hospice.",
            "Replaced by the neighbour volunteer training checklist, which covers the same "
            "ground in fewer evenings.",
        ),
        authors=("Catherine Doucet",),
        days_ago=290,
        areas=("neighbour-networks",),
        audiences=("volunteers",),
        province="PE",
        status=Resource.Status.ARCHIVED,
    ),
    # --- Stories --------------------------------------------------------------------------------
    DemoResource(
        key="sherbrooke-charter",
        kind="story",
        language="fr",
        title="Comment notre conseil municipal a adopté une charte de communauté bienveillante",
        summary=(
            "Deux ans de démarches, de la première rencontre informelle avec deux élus au vote "
            "de la charte, et ce qui a vraiment fait pencher la balance."
        ),
        sections=(
            "Tout a commencé par un café avec deux conseillers, à qui trois citoyens ont "
            "raconté ce qu'ils avaient vécu comme proches aidants. Six mois plus tard, nous "
            "présentions un projet de charte en comité. Il a fallu deux présentations et une "
            "version plus courte avant le vote.",
            "Les témoignages ont pesé plus que les statistiques. Un engagement modeste et "
            "mesurable pour la première année (trois cafés deuil, une formation pour le "
            "personnel d'accueil) a rassuré les élus, qui craignaient une dépense sans fin.",
            "Nous associerions plus tôt les bibliothèques et le service des loisirs : ce sont "
            "eux qui font vivre la charte au quotidien, et ils l'ont découverte au moment du "
            "vote.",
        ),
        authors=("Marie-Ève Lavoie",),
        days_ago=45,
        areas=("municipal-charters",),
        audiences=("municipal", "organizers"),
        province="QC",
    ),
    DemoResource(
        key="walking-group",
        kind="story",
        language="en",
        title="A grief walking group on the rail trail",
        summary=(
            "Some people will not sit in a circle and talk about loss, but they will walk. "
            "How a Saturday walk became the most popular thing our hospice runs."
        ),
        sections=(
            "We started a one-hour Saturday walk for bereaved people on the rail trail, with "
            "two volunteers walking at the front and at the back. The first month, three "
            "people came. By the end of the summer there were twenty, and half of them were "
            "men, who rarely come to our grief groups.",
            "Walking side by side makes it easier to talk than sitting face to face. People "
            "drift into pairs, and the conversation happens on its own. A coffee at the end "
            "is optional and most people stay.",
            "We would ask a physiotherapist earlier about a shorter, flatter route: a few "
            "older walkers stopped coming when the trail got steeper.",
        ),
        authors=("Tom Nakamura",),
        days_ago=38,
        areas=("grief-bereavement",),
        audiences=("volunteers", "organizers"),
        province="BC",
    ),
    DemoResource(
        key="voisins-rimouski",
        kind="story",
        language="fr",
        title="Un réseau de voisins dans trois quartiers de Rimouski",
        summary=(
            "Comment nous avons trouvé, rue par rue, les voisins prêts à rendre visite à une "
            "personne malade ou à son proche aidant, et ce qui les retient."
        ),
        sections=(
            "Avec des étudiants en travail social, nous avons fait la cartographie de trois "
            "quartiers, puis frappé aux portes avec une seule question : « Si un voisin était "
            "malade, qu'est-ce que vous seriez prêt à faire? » Quarante-deux personnes ont "
            "donné leur nom.",
            "Les gens offrent volontiers des gestes précis (une course, un repas, une heure "
            "de visite) mais rarement un engagement général. Un appel de la coordination "
            "chaque mois garde le réseau vivant.",
            "Nous aurions dû prévoir dès le départ un petit budget pour l'essence : dans un "
            "des quartiers, plusieurs bénévoles n'osaient pas le demander.",
        ),
        authors=("Jean-François Bouchard",),
        days_ago=20,
        areas=("neighbour-networks",),
        audiences=("volunteers", "organizers"),
        province="QC",
    ),
    DemoResource(
        key="grief-circle",
        kind="story",
        language="en",
        title="What we learned from a community-led grief circle",
        summary=(
            "A First Nation community's grief circle, led by its own Elders and helpers, and "
            "what outside organizations learned about supporting without taking over."
        ),
        sections=(
            "After several deaths in one winter, community members asked for a grief circle "
            "held in their own way, with an Elder opening it and food shared at the end. The "
            "hospice and the health unit were invited to help with the room and the driving, "
            "and to listen.",
            "The circle worked because the community decided who led it, when it met and what "
            "was shared outside it. Our part was practical: rides, a hall, groceries, and "
            "staying quiet unless asked.",
            "We would ask earlier what the community wanted from us, rather than arriving with "
            "a program. And we would budget for honoraria for the Elders from the start.",
        ),
        authors=("Joseph Redsky",),
        days_ago=16,
        areas=("indigenous-led", "grief-bereavement"),
        audiences=("organizers", "health-professionals"),
        province="ON",
        credits=("Shared with the permission of the circle's organizers",),
    ),
    DemoResource(
        key="epicerie-amie",
        kind="story",
        language="fr",
        title="Une épicerie amie des personnes atteintes de démence",
        summary=(
            "Comment le personnel d'une épicerie de quartier a appris à accueillir les clients "
            "qui vivent avec la démence, et pourquoi d'autres commerces ont suivi."
        ),
        sections=(
            "Une caissière nous a appelés après avoir aidé une cliente perdue dans le "
            "stationnement. Nous avons offert au personnel une formation d'une heure, puis "
            "installé une caisse « sans presse » le mardi matin.",
            "Une heure suffit pour changer les réflexes : parler lentement, ne pas corriger, "
            "proposer son aide sans la brusquer. Les proches aidants ont été les premiers à "
            "remarquer la différence et à en parler.",
            "Nous ferions la formation en deux fois : le personnel du soir n'a jamais pu "
            "assister à la première séance.",
        ),
        authors=("Élodie Simard",),
        days_ago=11,
        areas=("dementia-friendly", "rural-remote"),
        audiences=("organizers", "caregivers"),
        province="QC",
    ),
    DemoResource(
        key="employes-proches-aidants",
        kind="story",
        language="fr",
        title="Soutenir les employés proches aidants : notre première année",
        summary=(
            "Un employé sur quatre soutient un proche malade. Ce que notre service des "
            "ressources humaines a mis en place, et ce que les employés en disent."
        ),
        sections=(
            "Un sondage interne nous a appris qu'un quart des employés aidaient un proche, "
            "souvent sans que leur gestionnaire le sache. Nous avons créé un groupe d'échange "
            "mensuel sur l'heure du midi et assoupli les horaires pour les rendez-vous "
            "médicaux.",
            "Le simple fait de nommer la situation a tout changé : des employés ont osé en "
            "parler à leur équipe. Les gestionnaires avaient surtout besoin d'un guide pour "
            "savoir quoi dire.",
            "Nous aurions formé les gestionnaires avant d'annoncer le programme, pour que la "
            "première conversation se passe bien.",
        ),
        authors=("Olivier Roy",),
        days_ago=7,
        areas=("workplaces-schools", "caregiver-support"),
        audiences=("organizers",),
        province="QC",
    ),
    DemoResource(
        key="library-cafe-draft",
        kind="story",
        language="en",
        title="A caregiver café at our library: the first winter",
        summary="Notes on our first three caregiver cafés at the library, to finish in spring.",
        sections=(
            "We held three cafés between January and March, with eight to twelve people each "
            "time. The pharmacy cards brought most of them.",
            "Still writing this part.",
            "Still writing this part.",
        ),
        authors=("Alice Martin",),
        days_ago=2,
        areas=("caregiver-support",),
        audiences=("organizers", "caregivers"),
        province="ON",
        status=Resource.Status.DRAFT,
    ),
    # --- Research -------------------------------------------------------------------------------
    DemoResource(
        key="frome-notes",
        kind="research",
        language="en",
        title="Reading notes: the Frome compassionate communities study",
        summary=(
            "What the much-cited study from a town in Somerset, England, found about community "
            "connectors, primary care and emergency hospital admissions, and its limits."
        ),
        sections=(
            "Abel J, Kingston H, Scally A, et al. Reducing emergency hospital admissions: a "
            "population health complex intervention of an enhanced model of primary care and "
            "compassionate communities. British Journal of General Practice, 2018.",
            "Over the study period, emergency hospital admissions in Frome went down while "
            "they rose across the rest of Somerset. The authors link this to an approach that "
            "combined community connectors, a directory of local groups and a general practice "
            "that looked beyond medical needs. It is an observational study of one town: it "
            "shows an association, not proof of cause.",
            "It is the study funders most often ask about. Use it to explain why connecting "
            "people to community support is a health matter, but do not promise the same "
            "numbers: Frome had years of groundwork and an unusually committed practice.",
        ),
        authors=("Heather MacLeod",),
        days_ago=42,
        areas=("evaluation-research", "social-prescribing"),
        audiences=("researchers", "health-professionals"),
        links=("https://bjgp.org/",),
    ),
    DemoResource(
        key="evaluation-report",
        kind="research",
        language="en",
        title="Six months of a neighbour network: our evaluation report",
        summary=(
            "What changed for 41 people visited by neighbour volunteers over six months: "
            "loneliness, caregiver strain and what the volunteers themselves said."
        ),
        sections=(
            "Akande G, Gupta A. Six months of a neighbour network: evaluation report. "
            "Saskatoon, 2024. Full report attached.",
            "Among the 41 people who answered at both times, loneliness scores fell on "
            "average by one point on a scale from 3 to 9, and caregivers described fewer weeks "
            "when they felt they had no one to call. Volunteers valued the monthly circle "
            "more than any training.",
            "A short measure, asked at the start and after six months, was enough to show "
            "change and did not bother people. Plan the follow-up call from day one: we lost "
            "almost a third of the participants between the two rounds.",
        ),
        authors=("Grace Akande", "Anil Gupta"),
        days_ago=19,
        areas=("evaluation-research", "neighbour-networks"),
        audiences=("researchers", "organizers"),
        province="SK",
        files=(
            DemoFile(
                "neighbour-network-evaluation-report.pdf",
                "Six months of a neighbour network: evaluation report",
                (
                    "## Summary",
                    "Between March and September, 58 people living at home with a serious "
                    "illness, or caring for someone who was, received regular visits from "
                    "neighbour volunteers. This report describes what changed for the 41 "
                    "who answered our questions at both the start and the end.",
                    "## What we asked",
                    "Participants answered the three-item UCLA loneliness scale (scores from "
                    "3 to 9) and a single question on caregiver strain, by telephone, at the "
                    "first visit and six months later. Volunteers took part in two focus "
                    "groups.",
                    "## Analysis",
                    "Because the scores are short ordinal scales and the group is small, we "
                    "compared each person's two answers with the Wilcoxon signed-rank test "
                    "rather than a t-test. We report medians alongside means.",
                    "## Results",
                    "The median loneliness score went from 7 to 6. Twenty-six participants "
                    "improved, nine stayed the same and six were lonelier at the end; of "
                    "these six, four had lost the person they were caring for during the "
                    "period. Caregiver strain improved for most carers who answered.",
                    "Seventeen people did not answer the second round: five had died, four "
                    "had moved into care, and eight could not be reached.",
                    "## What volunteers said",
                    "Volunteers valued the monthly circle, where they could talk about hard "
                    "visits, more than any training session. Several asked for clearer "
                    "guidance on what to do when a visit ends in a crisis.",
                    "## Recommendations",
                    "Keep the measures short. Book the follow-up call at the first visit. "
                    "Budget for the volunteers' circle as a core cost, not an extra. Repeat "
                    "the evaluation with a comparison neighbourhood if funding allows.",
                    "## Limitations",
                    "There was no comparison group, participants chose to take part, and "
                    "those who could not be reached may have fared differently. The results "
                    "describe this network; they do not prove that visits cause the change.",
                    "## Appendix A: the questions we asked",
                    "Loneliness: how often do you feel you lack company, feel left out, or "
                    "feel cut off from other people? (hardly ever, some of the time, often)",
                    "Caregiver strain, for carers only: in the past month, how often did you "
                    "feel you had no one to call when you needed a break?",
                    "For everyone, at the end: what difference, if any, have the visits made "
                    "to you? What would you change?",
                    "## Appendix B: who took part",
                    "Of the 58 people visited, 34 lived with a serious illness and 24 were "
                    "caring for someone. Thirty-one lived alone. The youngest was 46 and the "
                    "oldest 93. Twenty-two volunteers made 612 visits over the six months, "
                    "most of them weekly and about an hour long.",
                    "## Appendix C: what participants said",
                    '"I stopped waiting by the phone on Sundays." "She noticed I had not '
                    'eaten, and she did not make a fuss about it." "It was good to talk to '
                    'someone who was not family and not a nurse."',
                    "## Acknowledgements",
                    "We thank the participants, who gave their time when they had little to "
                    "spare, the volunteers and their coordinator, and the two community "
                    "associations that lent us a room for the focus groups.",
                ),
            ),
        ),
    ),
    DemoResource(
        key="death-literacy-index",
        kind="research",
        language="both",
        title=(
            "Measuring death literacy: notes on the Death Literacy Index / Mesurer la "
            "littératie de la mort : notes sur l'indice"
        ),
        summary=(
            "How an Australian questionnaire measures what a community knows and can do about "
            "dying, caring and grieving, and how two Canadian groups are trying it. / Comment "
            "un questionnaire australien mesure la littératie de la mort d'une communauté."
        ),
        sections=(
            "Leonard R, Noonan K, Horsfall D, et al. Developing a death literacy index. Death "
            "Studies, 2022.",
            "The index asks people about four kinds of knowledge: practical (talking about "
            "death, hands-on care), experiential, factual (how the system works) and community "
            "(knowing where to find help). It was built and tested with a large Australian "
            "sample.",
            "It gives a Compassionate Community a way to measure change in the community "
            "itself, not only in the people who used a service. The French wording is still "
            "being tested; ask before using it in Quebec.",
        ),
        sections_fr=(
            "Leonard R, Noonan K, Horsfall D, et coll. Developing a death literacy index. "
            "Death Studies, 2022.",
            "L'indice interroge quatre formes de savoir : pratique (parler de la mort, donner "
            "des soins), expérientiel, factuel (le fonctionnement du système) et "
            "communautaire (savoir où trouver de l'aide). Il a été élaboré et validé auprès "
            "d'un vaste échantillon australien.",
            "Il permet à une communauté bienveillante de mesurer le changement dans la "
            "communauté elle-même, et pas seulement chez les personnes qui ont reçu un "
            "service. La version française est encore à l'essai : renseignez-vous avant de "
            "l'utiliser.",
        ),
        authors=("Pierre-Luc Côté", "Hélène Dubois"),
        days_ago=27,
        areas=("death-literacy", "evaluation-research"),
        audiences=("researchers",),
    ),
    DemoResource(
        key="kellehear-notes",
        kind="research",
        language="fr",
        title="Notes de lecture : Compassionate Cities, d'Allan Kellehear",
        summary=(
            "Le livre qui a lancé l'idée des villes bienveillantes : la fin de vie comme "
            "question de santé publique, et ce qu'il propose aux municipalités."
        ),
        sections=(
            "Kellehear A. Compassionate Cities: Public Health and End-of-Life Care. Londres, "
            "Routledge, 2005.",
            "L'auteur soutient que la mort, la perte et le soin de longue durée concernent "
            "toute la communauté, et pas seulement les services de santé. Il propose qu'une "
            "ville s'engage publiquement, avec ses écoles, ses milieux de travail, ses lieux "
            "de culte et ses services municipaux.",
            "Le livre donne un vocabulaire commun aux élus et aux intervenants. Les chartes "
            "municipales d'aujourd'hui en découlent directement; il vaut la peine d'en lire "
            "le premier chapitre avant de rencontrer un conseil.",
        ),
        authors=("Hélène Dubois",),
        days_ago=50,
        areas=("death-literacy", "municipal-charters"),
        audiences=("researchers", "municipal"),
        province="ON",
    ),
    # --- Recordings -----------------------------------------------------------------------------
    DemoResource(
        key="acp-webinar",
        kind="recording",
        language="en",
        title="Webinar: running an advance care planning workshop at your library",
        summary=(
            "Two members on how they ran a one-hour public workshop in their local library, "
            "what they asked, and what they would change."
        ),
        sections=(
            "A 55-minute webinar from the winter series: how libraries in Ottawa and St. "
            "John's hosted a public workshop on advance care planning, the questions that "
            "opened the most conversations, and what happened in the weeks after.",
            "Aisha Mohamed, palliative care social worker in Ottawa, and Sarah Thompson, nurse "
            "practitioner in St. John's, with questions from members.",
            "- 06:30 Why a library and not a clinic\n"
            "- 18:00 The three questions that opened the most conversations\n"
            "- 34:15 When a participant becomes upset\n"
            "- 47:00 What happened in the weeks after",
        ),
        authors=("Aisha Mohamed", "Sarah Thompson"),
        days_ago=12,
        areas=("advance-care-planning",),
        audiences=("organizers", "health-professionals"),
        licence=Resource.Licence.RESERVED,
        links=(
            "https://video.example.org/commonplace/acp-library-workshop",
            "https://www.advancecareplanning.ca/",
        ),
    ),
    DemoResource(
        key="webinaire-cafes-deuil",
        kind="recording",
        language="fr",
        title="Webinaire : cinq ans de cafés deuil au Saguenay",
        summary=(
            "L'équipe des Cafés deuil du Saguenay raconte ses débuts, ses erreurs et ce qui "
            "fait revenir les gens, mois après mois."
        ),
        sections=(
            "Une heure d'échange sur la naissance des cafés deuil au Saguenay, le recrutement "
            "des animateurs, les partenariats avec les bibliothèques et les paroisses, et la "
            "place des jeunes endeuillés.",
            "Louise Tremblay, animatrice, avec la participation de deux bénévoles de l'équipe.",
            "- 04:00 La toute première rencontre, et les trois personnes qui sont venues\n"
            "- 21:30 Pourquoi cinq personnes par table\n"
            "- 38:00 Les jeunes adultes endeuillés\n"
            "- 52:00 Questions des participants",
        ),
        authors=("Louise Tremblay",),
        days_ago=17,
        areas=("grief-bereavement",),
        audiences=("volunteers", "organizers"),
        province="QC",
        licence=Resource.Licence.RESERVED,
        links=("https://video.example.org/commonplace/webinaire-cafes-deuil",),
    ),
    DemoResource(
        key="caring-at-a-distance",
        kind="recording",
        language="en",
        title="Podcast episode: caring at a distance in rural Nova Scotia",
        summary=(
            "A 30-minute conversation about caregivers who live an hour from the nearest "
            "hospital, and the neighbours, churches and fire halls that fill the gap."
        ),
        sections=(
            "How families in rural Nova Scotia care for someone at home when the hospital is "
            "far, home care is stretched and winter roads close; and what a Compassionate "
            "Community looks like where there is no town centre.",
            "Heather MacLeod, nursing professor, and Karen Fraser, spiritual care practitioner.",
            "- 03:00 The volunteer fire hall as a meeting place\n"
            "- 12:40 Respite when the nearest neighbour is two kilometres away\n"
            "- 24:10 What health authorities can do to help",
        ),
        authors=("Heather MacLeod", "Karen Fraser"),
        days_ago=10,
        areas=("rural-remote", "caregiver-support"),
        audiences=("caregivers", "health-professionals"),
        province="NS",
        licence=Resource.Licence.CC_BY_NC,
        links=("https://audio.example.org/commonplace/caring-at-a-distance.mp3",),
    ),
    DemoResource(
        key="symposium-panel",
        kind="recording",
        language="both",
        title=(
            "Symposium panel: Indigenous-led approaches / Table ronde du symposium : "
            "approches menées par les Autochtones"
        ),
        summary=(
            "Three members on community-led care at the end of life in First Nations and "
            "Inuit communities, recorded at the fall symposium with interpretation. / Trois "
            "membres parlent de soins de fin de vie menés par les communautés."
        ),
        sections=(
            "The panel from the fall symposium: how First Nations and Inuit communities lead "
            "care at the end of life, bringing people home, and what partners should and "
            "should not do. Recorded with simultaneous interpretation.",
            "Kevin Sinclair (health navigator, Manitoba), Ryan McKay (wellness coordinator, "
            "Nunavut) and Joseph Redsky (Elder helper, Ontario).",
            "- 08:00 Bringing people home to die in their community\n"
            "- 26:00 What partners get wrong\n"
            "- 41:00 Questions from the floor",
        ),
        sections_fr=(
            "La table ronde du symposium d'automne : comment les communautés des Premières "
            "Nations et inuites prennent en charge la fin de vie, le retour à la maison, et ce "
            "que les partenaires devraient faire, ou non. Enregistrée avec interprétation "
            "simultanée.",
            "Kevin Sinclair (navigateur en santé, Manitoba), Ryan McKay (coordonnateur du "
            "mieux-être, Nunavut) et Joseph Redsky (aide aux aînés, Ontario).",
            "- 08:00 Revenir mourir dans sa communauté\n"
            "- 26:00 Les erreurs des partenaires\n"
            "- 41:00 Questions de la salle",
        ),
        authors=("Kevin Sinclair", "Ryan McKay", "Joseph Redsky"),
        days_ago=55,
        areas=("indigenous-led", "rural-remote"),
        audiences=("organizers", "health-professionals"),
        licence=Resource.Licence.RESERVED,
        links=("https://video.example.org/commonplace/symposium-indigenous-led-panel",),
    ),
    # --- Recurring problems ---------------------------------------------------------------------
    DemoResource(
        key="after-the-grant",
        kind="problem",
        language="en",
        title="Keeping volunteers after the grant ends",
        summary=(
            "The volunteers are committed, but the coordinator's position was paid by a grant "
            "that ends. What members tried to keep the network going."
        ),
        sections=(
            "A neighbour network runs on its coordinator: the person who matches volunteers, "
            "answers the phone and notices when someone is struggling. When a one- or "
            "two-year grant ends, the role goes, and the volunteers drift away within months.",
            "Members tried a volunteer coordinator (it burned out the volunteer), folding the "
            "role into a hospice job (it slowly became hospice work only), and splitting the "
            "role between two partner organizations, a day a week each.",
            "Splitting the role worked best, as long as both partners wrote it into a "
            "permanent budget line before the grant ended. Start that conversation in the "
            "grant's first year, not its last.",
        ),
        authors=("Heather MacLeod", "Louise Tremblay"),
        days_ago=13,
        areas=("neighbour-networks",),
        audiences=("organizers",),
    ),
    DemoResource(
        key="men-and-grief",
        kind="problem",
        language="en",
        title="Men rarely come to grief groups",
        summary=(
            "Most grief groups are attended by women. What members have tried to reach "
            "bereaved men, and what brought them in."
        ),
        sections=(
            "Grief cafés and support groups see few men, even though many men live alone "
            "after a loss and are at higher risk of isolation.",
            "Posters aimed at men, a men-only group, a group led by a male volunteer, and "
            "activities that are not about talking: walking groups, a shed where people fix "
            "things together, a breakfast at the legion.",
            "Doing something side by side worked better than any invitation to talk: the grief "
            "walking group and the repair shed both drew men who then stayed for coffee. "
            "Personal invitations from another man mattered more than any poster.",
        ),
        authors=("Brian O'Neill", "Ahmed Hassan"),
        days_ago=8,
        areas=("grief-bereavement",),
        audiences=("organizers", "volunteers"),
    ),
    DemoResource(
        key="recrutement-rural",
        kind="problem",
        language="fr",
        title="Recruter des bénévoles en milieu rural quand tout le monde se connaît",
        summary=(
            "Dans un petit village, les gens hésitent à aider un voisin malade de peur d'être "
            "indiscrets, ou d'être vus. Ce que les membres ont essayé."
        ),
        sections=(
            "En milieu rural, tout se sait. Des familles refusent l'aide d'un bénévole qu'elles "
            "connaissent, et des bénévoles n'osent pas se proposer de peur d'avoir l'air de "
            "s'imposer.",
            "Des bénévoles jumelés avec des familles d'un village voisin; une présentation au "
            "sous-sol de l'église; des tâches concrètes offertes par écrit (le déneigement, "
            "une course) plutôt qu'une « visite ».",
            "Le jumelage entre villages voisins a levé la gêne des deux côtés. Les tâches "
            "concrètes ont servi de porte d'entrée : la visite est venue d'elle-même ensuite.",
        ),
        authors=("Julie Arsenault", "Marc Leblanc"),
        days_ago=6,
        areas=("rural-remote", "neighbour-networks"),
        audiences=("volunteers", "organizers"),
        province="NB",
    ),
    DemoResource(
        key="council-turnover",
        kind="problem",
        language="en",
        title="The council changed after the election, and our champion left",
        summary=(
            "A charter signed by one council can be forgotten by the next. How members kept "
            "their municipality's commitment alive through an election."
        ),
        sections=(
            "Several Compassionate Communities lost momentum when the councillor who carried "
            "their charter was not re-elected, or when a key staff member moved on.",
            "Briefing every candidate before the election; asking for the charter to be "
            "written into the municipal strategic plan; a yearly public report to council by "
            "staff, not by the volunteer group.",
            "Tying the charter to a staff position and to the yearly report made it outlast "
            "any one councillor. Meeting the new council within its first hundred days, with "
            "residents' stories, did the rest.",
        ),
        authors=("Peter Novak", "Mohammed Al-Sayed"),
        days_ago=4,
        areas=("municipal-charters",),
        audiences=("municipal", "organizers"),
        province="AB",
    ),
    DemoResource(
        key="partage-information",
        kind="problem",
        language="fr",
        title="Partager des informations entre organismes sans trahir la confidentialité",
        summary=(
            "Le CLSC, la maison de soins palliatifs et le groupe de voisins aident la même "
            "famille sans pouvoir se parler. Ce que les membres ont mis en place."
        ),
        sections=(
            "Plusieurs organismes accompagnent souvent la même famille, mais aucun ne sait ce "
            "que font les autres. La famille répète son histoire à chacun, et des besoins "
            "passent entre les mailles.",
            "Des rencontres de cas entre organismes (freinées par la confidentialité); un "
            "cahier de liaison laissé au domicile; un formulaire de consentement commun que "
            "la famille signe une seule fois.",
            "Le cahier de liaison, qui appartient à la famille et reste chez elle, a réglé "
            "l'essentiel : chacun y écrit ce qu'il a fait, et la famille décide qui le lit. "
            "Le formulaire commun a pris plus de temps à faire accepter.",
        ),
        authors=("Amélie Bergeron", "Fatima Zahra"),
        days_ago=3,
        areas=("caregiver-support", "social-prescribing"),
        audiences=("health-professionals", "organizers"),
        province="QC",
        files=(
            DemoFile(
                "cahier-de-liaison.docx",
                "Cahier de liaison de la famille",
                (
                    "Ce cahier appartient à la famille. Il reste à la maison. La famille "
                    "décide qui peut le lire.",
                    "## Qui vient nous aider",
                    "Organisme : ______  Personne : ______  Téléphone : ______",
                    "## Ce qui a été fait aujourd'hui",
                    "Date : ______  Par : ______",
                    "Ce que j'ai fait : ______",
                    "Ce qu'il faudrait que les autres sachent : ______",
                ),
                language="fr",
            ),
        ),
    ),
]

# (resource, member, how they used it), in the order they happened.
USES = [
    ("grief-cafe-guide", "Karen Fraser", "We opened our first café in Truro with your welcome, "
     "word for word."),
    ("grief-cafe-guide", "Ahmed Hassan", "Used the ground rules for a bereavement circle at "
     "our centre."),
    ("grief-cafe-guide", "Lucas Martin", "Second month of our library café in Kingston."),
    ("cafe-deuil-guide", "Isabelle Fortin", "Notre paroisse a repris le mot d'accueil pour son "
     "premier café deuil."),
    ("cafe-deuil-guide", "Benoît Gagnon", "Très utile pour préparer notre première rencontre à "
     "Québec."),
    ("charter-en", "Peter Novak", "Our draft for council started from this template."),
    ("charte-fr", "Julie Arsenault", "Présenté au comité des loisirs de Bathurst."),
    ("acp-cards-en", "Sarah Thompson", "Six of the cards opened our St. John's workshop."),
    ("acp-cards-en", "Alice Martin", "Printed a set for our caregiver café."),
    ("acp-cards-fr", "Nathalie Gagné", "Utilisées lors d'une soirée d'information à Moncton."),
    ("pharmacy-cards", "Mei Lin", "Translated the card for two pharmacies in Richmond."),
    ("pharmacy-cards", "Sandra Okafor", "Three pharmacies in Winnipeg hand them out now."),
    ("volunteer-checklist", "Graham Whitfield", "Part of our onboarding for new neighbour "
     "volunteers."),
    ("evaluation-report", "Heather MacLeod", "Borrowed your survey timing for our own plan."),
    ("respite-rota", "Daniel Kowalczyk", "Three families in Saskatoon use it."),
    ("lesson-plans", "Hélène Dubois", "J'ai présenté le cours 2 à mes étudiants en travail "
     "social."),
    ("asset-mapping", "Fatima Zahra", "Nous avons cartographié Parc-Extension en deux "
     "après-midi."),
    ("asset-mapping", "Kevin Sinclair", "Adapted it for a community meeting in Thompson."),
    ("frome-notes", "Anil Gupta", "Cited it in our funding application."),
    ("first-six-months", "Alice Martin", "Our group read it before our first planning "
     "meeting."),
    ("first-six-months", "Benoît Gagnon", "Lu avant notre première rencontre de quartier."),
    ("walking-group", "Brian O'Neill", "We started a Saturday walk in Whitehorse."),
]  # fmt: skip

# English and French versions of the same resource.
PAIRS = [
    ("grief-cafe-guide", "cafe-deuil-guide"),
    ("charter-en", "charte-fr"),
    ("acp-cards-en", "acp-cards-fr"),
]
# Asked for before the translation was linked: these members hear that it now exists.
ANSWERED_REQUESTS = [("grief-cafe-guide", "Benoît Gagnon"), ("charte-fr", "Alice Martin")]
# Still waiting, for the stewards' list.
OPEN_REQUESTS = [
    ("respite-rota", "Benoît Gagnon"),
    ("respite-rota", "Nathalie Gagné"),
    ("voisins-rimouski", "Alice Martin"),
    ("sherbrooke-charter", "Graham Whitfield"),
    ("evaluation-report", "Pierre-Luc Côté"),
]

# Shared with visitors on the public library page.
PUBLIC = [
    "grief-cafe-guide",
    "cafe-deuil-guide",
    "charter-en",
    "charte-fr",
    "first-six-months",
    "frome-notes",
    "acp-webinar",
    "lesson-plans",
]

# slug, English name, French name, English description, French description, resources
COLLECTIONS = [
    ("starting", "Starting a Compassionate Community", "Démarrer une communauté bienveillante",
     "The first steps most groups take: listening, mapping what exists, a first visible "
     "action and a first conversation with council.",
     "Les premiers pas de la plupart des groupes : écouter, repérer ce qui existe, poser un "
     "premier geste visible et rencontrer le conseil municipal.",
     ["first-six-months", "asset-mapping", "grief-cafe-guide", "cafe-deuil-guide",
      "volunteer-checklist", "charter-en", "charte-fr", "sherbrooke-charter"]),
    ("close-to-home", "Grief and caregiving, close to home",
     "Deuil et proches aidants, tout près de chez soi",
     "Everyday ways neighbours, pharmacies, libraries and workplaces accompany people who "
     "care for someone or who grieve.",
     "Les gestes quotidiens par lesquels voisins, pharmacies, bibliothèques et milieux de "
     "travail accompagnent les proches aidants et les personnes endeuillées.",
     ["pharmacy-cards", "respite-rota", "walking-group", "acp-cards-en", "acp-cards-fr",
      "webinaire-cafes-deuil", "employes-proches-aidants", "men-and-grief"]),
    ("making-the-case", "Making the case: evidence and evaluation",
     "Faire valoir la démarche : données et évaluation",
     "Studies, evaluations and measures to show funders and councils what changes.",
     "Études, évaluations et outils de mesure pour montrer aux bailleurs de fonds et aux "
     "conseils ce qui change.",
     ["frome-notes", "evaluation-report", "death-literacy-index", "kellehear-notes",
      "council-turnover"]),
]  # fmt: skip

# (resource, member, text, days after the resource was shared)
COMMENTS = [
    ("grief-cafe-guide", "Karen Fraser", "How long did it take before people came back a "
     "second time? Our first café had four people and we wonder whether to keep it monthly.",
     3),
    ("grief-cafe-guide", "Tom Nakamura", "Keep it monthly. Our third café was the first with "
     "a full table: people need to hear about it twice, from someone they know.", 4),
    ("evaluation-report", "Anil Gupta", "Did you keep the people who answered only once in "
     "the analysis?", 2),
    ("evaluation-report", "Grace Akande", "No, only those who answered both times. The report "
     "says how many we lost and why we think we lost them.", 2),
    ("charte-fr", "Julie Arsenault", "Est-ce que votre conseil a adopté la charte dès la "
     "première séance?", 5),
    ("charte-fr", "Marie-Ève Lavoie", "Non, après deux présentations en comité. La version "
     "courte est celle qui a été adoptée.", 6),
]  # fmt: skip

# An edit a member suggested, still waiting for the author.
SUGGESTION = (
    "volunteer-checklist",
    "Graham Whitfield",
    "Our volunteers asked for a debrief after their first visits; this adds it to the list.",
    "Add a debrief with the coordinator after the first three visits: what went well, what "
    "was hard, and whether the match is right.",
)

# The conversation a steward turned into a draft, waiting to be reviewed.
FROM_TOPIC = "Where do we start with a Compassionate Community?"
