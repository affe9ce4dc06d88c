import secrets

from allauth.account.models import EmailAddress

from commonplace.accounts.models import Role, User
from commonplace.core.seeding import DemoLogin, load_demo_logins

PEOPLE = [
    (Role.STEWARD, "Samira Tremblay", "sam@demo.commonplace.test", "en"),
    (Role.MEMBER, "Alice Martin", "alice@demo.commonplace.test", "en"),
    (Role.MEMBER, "Benoît Gagnon", "benoit@demo.commonplace.test", "fr"),
]


def seed(log) -> list[DemoLogin]:
    """One steward and two members, each with a verified email and a password of their own.

    Passwords are made up on the first run and kept in var/demo-logins.json (never in the repo),
    so running the seed again changes nothing.
    """
    known = {login.email: login.password for login in load_demo_logins()}
    logins = []
    for role, name, email, language in PEOPLE:
        user = User.objects.filter(email=email).first()
        password = known.get(email)
        if user is None or password is None:
            password = secrets.token_urlsafe(12)
            if user is None:
                user = User.objects.create_user(
                    email, password, name=name, role=role, language=language
                )
                log(f"Created {role.label} {name}")
            else:
                user.set_password(password)
                user.save(update_fields=["password"])
        EmailAddress.objects.update_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        logins.append(DemoLogin(role=str(role.label), name=name, email=email, password=password))
    return logins
