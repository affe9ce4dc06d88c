"""Thousands of members for ``make bench``, written with bulk inserts so 10,000 take seconds.

Every scale account has an address at ``@scale.commonplace.test``, so they are easy to tell
from real or demo accounts (and to delete). The same member count always gives the same people,
so running the seed again only adds who is missing.
"""

import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import check_password, make_password
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.text import slugify

from commonplace.accounts.models import Role, User
from commonplace.core.seeding import DemoLogin

SCALE_DOMAIN = "scale.commonplace.test"
# One steward for every 250 members: enough for a steward rota, few enough to be realistic.
STEWARD_EVERY = 250
# About one account in a hundred deactivated, so lists that hide them have something to hide.
DEACTIVATED_EVERY = 97
BATCH_SIZE = 2000


def _names(text: str) -> list[str]:
    # Comma-separated text keeps the lists compact; a name may hold a space ("Dela Cruz").
    return [name.strip() for name in text.split(",") if name.strip()]


ENGLISH_FIRST = _names(
    """
    Emma, Liam, Olivia, Noah, Ava, Ethan, Charlotte, Lucas, Amelia, Owen, Sophie, Jack, Hannah,
    Logan, Chloe, Ryan, Grace, Connor, Megan, Colin, Heather, Brian, Shannon, Kyle, Janet,
    Douglas, Margaret, Graham, Fiona, Duncan, Ruth, Malcolm, Eileen, Wayne, Tracy, Gordon, Lori,
    Murray
    """
)
ENGLISH_LAST = _names(
    """
    Smith, Brown, Wilson, MacDonald, Campbell, Anderson, Taylor, Stewart, Thompson, Robertson,
    Fraser, MacLeod, Murray, Reid, Scott, Morrison, Clarke, Johnston, Hughes, O'Brien, Kelly,
    Walsh, Mackenzie, Bennett, Harper, Sinclair, Ferguson, Gillis, Chisholm, McNeil, Doucette,
    Sutherland
    """
)
FRENCH_FIRST = _names(
    """
    Benoît, Geneviève, Étienne, Mélanie, François, Josée, Mathieu, Chantal, Sébastien, Isabelle,
    Jérôme, Marie-Ève, Pierre-Luc, Nathalie, Félix, Annie, Guillaume, Sylvie, Maxime, Véronique,
    Gabriel, Émilie, Olivier, Catherine, Jean-François, Louise, Alexandre, Hélène, Rémi, Noémie,
    Luc, Danielle
    """
)
FRENCH_LAST = _names(
    """
    Tremblay, Gagnon, Roy, Côté, Bouchard, Gauthier, Morin, Lavoie, Fortin, Gagné, Ouellet,
    Pelletier, Bélanger, Lévesque, Bergeron, Leblanc, Paquette, Girard, Simard, Boucher, Caron,
    Beaulieu, Cloutier, Dubé, Poirier, Fournier, Lapointe, Leclerc, Lefebvre, Thériault,
    Arsenault, Cormier
    """
)
# Canada is not only English and French names; a directory of 10,000 people should show it.
OTHER_FIRST = _names(
    """
    Priya, Arjun, Harpreet, Gurpreet, Wei, Mei, Jian, Hyun-woo, Ji-yeon, Maria, José, Ana,
    Mohammed, Fatima, Omar, Amina, Nguyen, Linh, Kofi, Ama, Tenzin, Dawit, Selam, Rafael, Leila,
    Reza, Shirin, Siobhan, Tanis, Cheyenne, Raven, Kateri, Nanuq, Akira, Yuki, Ravi, Anjali
    """
)
OTHER_LAST = _names(
    """
    Singh, Patel, Sharma, Gill, Sandhu, Chen, Wong, Li, Zhang, Nguyen, Tran, Kim, Park, Santos,
    Reyes, Dela Cruz, Haddad, Khan, Hussein, Mensah, Tesfaye, Nazari, Rahimi, Cardinal, Bear,
    Whitehorse, Sinclair, Littlechild, Okafor, Ahmadi, Kaur, Delorme, Nakamura, Tanaka
    """
)


@dataclass(frozen=True)
class ScalePerson:
    index: int
    name: str
    email: str
    role: str
    language: str
    is_active: bool
    date_joined: datetime


def scale_people(count: int, *, now: datetime) -> Iterator[ScalePerson]:
    """The first ``count`` scale people, always the same ones in the same order.

    One generator seeded with a constant draws them in order, so a larger count only adds
    people after the ones a smaller count made.
    """
    rng = random.Random(20_250_601)
    for index in range(1, count + 1):
        roll = rng.random()
        if roll < 0.35:
            first, last = rng.choice(FRENCH_FIRST), rng.choice(FRENCH_LAST)
            language = "fr" if rng.random() < 0.9 else "en"
        elif roll < 0.75:
            first, last = rng.choice(ENGLISH_FIRST), rng.choice(ENGLISH_LAST)
            language = "en" if rng.random() < 0.95 else "fr"
        else:
            first = rng.choice(OTHER_FIRST)
            last = rng.choice(OTHER_LAST + ENGLISH_LAST + FRENCH_LAST)
            language = "en" if rng.random() < 0.75 else "fr"
        # Joined over the last five years, so "newest members" and date filters have a spread.
        date_joined = now - timedelta(seconds=rng.randrange(5 * 365 * 24 * 3600))
        yield ScalePerson(
            index=index,
            name=f"{first} {last}",
            email=f"{slugify(first)}.{slugify(last)}.{index:05d}@{SCALE_DOMAIN}",
            role=Role.STEWARD if index % STEWARD_EVERY == 1 else Role.MEMBER,
            language=language,
            is_active=index % DEACTIVATED_EVERY != 0,
            date_joined=date_joined,
        )


def scale_users() -> QuerySet[User]:
    return User.objects.filter(email__endswith=f"@{SCALE_DOMAIN}")


def seed(log: Callable[[str], None], options: dict) -> list[DemoLogin]:
    """Create ``options["members"]`` members (a few of them stewards), each with a verified email.

    Every account gets the same password, ``options["password"]``, hashed once: hashing 10,000
    passwords with Argon2 would take minutes. Returns one member and one steward to log in as.
    """
    count: int = options["members"]
    password: str = options["password"]
    people = list(scale_people(count, now=timezone.now()))
    password_hash = make_password(password)

    existing = set(scale_users().values_list("email", flat=True))
    if existing:
        # A different password was asked for (or the logins file was lost): move everyone to it.
        sample = scale_users().values_list("password", flat=True).first()
        if sample is None or not check_password(password, sample):
            updated = scale_users().update(password=password_hash)
            log(f"Set a new password on {updated:,} scale accounts")

    missing = [person for person in people if person.email not in existing]
    if missing:
        User.objects.bulk_create(
            [
                User(
                    email=person.email,
                    name=person.name,
                    role=person.role,
                    language=person.language,
                    is_active=person.is_active,
                    date_joined=person.date_joined,
                    password=password_hash,
                )
                for person in missing
            ],
            batch_size=BATCH_SIZE,
        )
        # Read the ids back rather than trusting bulk_create to set them on every backend.
        ids = dict(scale_users().values_list("email", "id"))
        EmailAddress.objects.bulk_create(
            [
                EmailAddress(
                    user_id=ids[person.email], email=person.email, verified=True, primary=True
                )
                for person in missing
            ],
            batch_size=BATCH_SIZE,
        )
        log(f"Created {len(missing):,} scale members with verified email addresses")
    else:
        log(f"The {count:,} scale members already exist")

    return [
        DemoLogin(role=role, name=person.name, email=person.email, password=password)
        for role, person in (
            (Role.MEMBER.value, _first(people, Role.MEMBER)),
            (Role.STEWARD.value, _first(people, Role.STEWARD)),
        )
        if person is not None
    ]


def _first(people: list[ScalePerson], role: str) -> ScalePerson | None:
    # English speakers, so the bench's /en/ pages do not also measure a language redirect.
    return next((p for p in people if p.role == role and p.is_active and p.language == "en"), None)
