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
