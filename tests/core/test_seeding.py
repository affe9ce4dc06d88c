"""The demo and scale seeds build believable data and are safe to run twice."""

import json

import pytest
from django.core.management import call_command

from commonplace.accounts.models import Role, User
from commonplace.core.models import AuditEntry, Community, Page
from commonplace.membership.models import JoinRequest

pytestmark = pytest.mark.django_db


def test_seed_demo_creates_the_community_and_is_idempotent(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    call_command("seed_demo", verbosity=0)
    counts = (User.objects.count(), Page.objects.count(), JoinRequest.objects.count())
    logins = json.loads((tmp_path / "demo-logins.json").read_text())
    call_command("seed_demo", verbosity=0)
    assert (User.objects.count(), Page.objects.count(), JoinRequest.objects.count()) == counts
    assert json.loads((tmp_path / "demo-logins.json").read_text()) == logins
    assert Community.objects.count() == 1
    assert {login["role"] for login in logins} == {"Steward", "Member"}
    assert set(JoinRequest.objects.values_list("status", flat=True)) == set(
        JoinRequest.Status.values
    )


def test_seed_scale_builds_a_community_and_only_adds_what_is_missing(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    options = {"members": 60, "audit_entries": 120, "join_requests": 80, "verbosity": 0}
    call_command("seed_scale", **options)
    assert User.objects.filter(role=Role.MEMBER).count() >= 50
    assert AuditEntry.objects.count() == 120
    assert JoinRequest.objects.count() == 80
    logins = json.loads((tmp_path / "bench-login.json").read_text())
    call_command("seed_scale", **options)
    assert User.objects.count() == 60
    assert AuditEntry.objects.count() == 120
    assert JoinRequest.objects.count() == 80
    member = next(login for login in logins if login["role"] == "member")
    assert User.objects.get(email=member["email"]).check_password(member["password"])


def test_seed_scale_indexes_topics_and_profiles_as_the_worker_would(settings, tmp_path):
    from commonplace.conversations.models import Topic
    from commonplace.people.models import Profile
    from commonplace.search.models import SearchEntry
    from commonplace.search.selectors import search

    settings.VAR_DIR = tmp_path
    call_command("seed_scale", members=60, audit_entries=10, join_requests=10, verbosity=0)
    topics = Topic.objects.filter(space__slug__startswith="scale-")
    indexed = SearchEntry.objects.filter(kind="topic")

    def ids(entries) -> set[int]:
        return set(entries.values_list("object_id", flat=True))

    assert ids(indexed.filter(audience="stewards")) == set(topics.values_list("pk", flat=True))
    # A private space's topics are for its members and the stewards, never the "members" text.
    assert ids(indexed.filter(audience="members")) == set(
        topics.filter(space__is_private=False).values_list("pk", flat=True)
    )
    # A member's search finds the topics by their words.
    assert search(kind="topic", query="loneliness scale", audiences=["members"])
    # People who chose not to be listed are not found at all.
    assert ids(SearchEntry.objects.filter(kind="profile")) == set(
        Profile.objects.filter(in_directory=True).values_list("pk", flat=True)
    )
