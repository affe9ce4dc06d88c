import pytest
from django.urls import reverse

from commonplace.core import audit
from commonplace.core.models import AuditEntry, Page

pytestmark = pytest.mark.django_db


def test_an_audit_record_keeps_who_did_what_to_what(sam, demo_site):
    page = Page.objects.get(slug="privacy")
    entry = audit.record(sam, "page.update", page, note="Clarified retention")
    assert (entry.actor, entry.actor_name, entry.verb) == (sam, "Sam Tremblay", "page.update")
    assert (entry.target_type, entry.target_id) == ("core.page", str(page.pk))
    assert entry.target_label == "Privacy notice"
    assert entry.note == "Clarified retention"


def test_the_log_still_names_the_actor_after_their_account_is_deleted(sam):
    audit.record(sam, "community.update")
    sam.delete()
    entry = AuditEntry.objects.get()
    assert entry.actor is None
    assert entry.actor_name == "Sam Tremblay"


def test_a_steward_reads_the_audit_log_filtered_by_action(client, sam):
    audit.record(sam, "page.update", note="first")
    audit.record(sam, "community.update", note="second")
    client.force_login(sam)
    response = client.get(reverse("core:audit-log"), {"action": "page.update"})
    assert response.status_code == 200
    assert [e.note for e in response.context["entries"]] == ["first"]


def test_the_audit_log_page_makes_the_same_queries_however_long_it_is(
    client, sam, django_assert_max_num_queries
):
    client.force_login(sam)
    for index in range(5):
        audit.record(sam, "page.update", note=str(index))
    # One of them is the header's count of unread private messages.
    with django_assert_max_num_queries(9) as few:
        client.get(reverse("core:audit-log"))
    for index in range(60):
        audit.record(sam, "page.update", note=str(index))
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("core:audit-log"))
