"""Stewards work the queue: approve, decline, ask; every decision logged with who and when."""

import threading
from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection
from django.utils import timezone

from commonplace.core.models import AuditEntry
from commonplace.membership import services
from commonplace.membership.models import Invitation, JoinRequest, JoinRequestEvent, token_digest
from commonplace.membership.selectors import response_figures
from commonplace.membership.tasks import steward_digest, steward_digest_if_due
from tests.conftest import run_tasks

pytestmark = pytest.mark.django_db(transaction=True)


def link_in(body: str, marker: str) -> str:
    return next(line.strip() for line in body.splitlines() if marker in line)


def test_a_member_cannot_open_the_review_queue(client, alice, olivia_request):
    client.force_login(alice)
    assert client.get("/en/join/requests/").status_code == 403
    assert client.get(f"/en/join/requests/{olivia_request.pk}/").status_code == 403
    assert client.post(f"/en/join/requests/{olivia_request.pk}/approve/").status_code == 403
    olivia_request.refresh_from_db()
    assert olivia_request.status == "new"


def test_the_queue_shows_open_requests_oldest_first_with_their_wait(
    client, sam, olivia_request, amelie_request
):
    JoinRequest.objects.filter(pk=olivia_request.pk).update(
        submitted_at=timezone.now() - timedelta(days=3)
    )
    client.force_login(sam)
    response = client.get("/en/join/requests/")
    names = [r.name for r in response.context["page_obj"]]
    assert names == ["Olivia Chen", "Amélie Tremblay"]
    assert "3\xa0days" in response.text


def test_the_queue_filters_by_status_and_searches_every_answer(
    client, sam, olivia_request, amelie_request
):
    JoinRequest.objects.filter(pk=amelie_request.pk).update(status="declined")
    client.force_login(sam)
    assert [
        r.name for r in client.get("/en/join/requests/?status=declined").context["page_obj"]
    ] == ["Amélie Tremblay"]
    assert [
        r.name for r in client.get("/en/join/requests/?status=new&q=grief").context["page_obj"]
    ] == ["Olivia Chen"]
    assert [
        r.name for r in client.get("/en/join/requests/?status=declined&q=lévis").context["page_obj"]
    ] == ["Amélie Tremblay"]
    assert [r.name for r in client.get("/en/join/requests/?q=AMELIE@").context["page_obj"]] == []


def test_stewards_see_a_count_badge_of_new_requests(client, sam, olivia_request, amelie_request):
    client.force_login(sam)
    response = client.get("/en/")
    assert response.context["new_join_requests"] == 2
    assert '<span class="badge">2' in response.text


def test_approving_sends_a_single_use_invitation_in_the_applicants_language(
    client, sam, amelie_request
):
    client.force_login(sam)
    client.post(f"/en/join/requests/{amelie_request.pk}/approve/")
    amelie_request.refresh_from_db()
    assert amelie_request.status == "approved"
    assert amelie_request.decided_by == sam
    invitation = Invitation.objects.get()
    assert invitation.expires_at - timezone.now() > timedelta(days=13)
    run_tasks()
    [message] = mail.outbox
    link = link_in(message.body, "/join/invitation/")
    assert link.startswith("http://127.0.0.1:8000/fr/join/invitation/")
    token = link.rstrip("/").rsplit("/", 1)[1]
    assert invitation.token_hash == token_digest(token)
    assert token not in invitation.token_hash
    entry = AuditEntry.objects.get(verb="join_request.approve")
    assert (entry.actor, entry.target_id) == (sam, str(amelie_request.pk))


def test_two_stewards_approving_at_once_create_exactly_one_invitation(sam, ada, olivia_request):
    barrier = threading.Barrier(2)
    outcomes = []

    def approve(steward):
        try:
            barrier.wait(timeout=5)
            services.join_request_approve(
                request=JoinRequest.objects.get(pk=olivia_request.pk), steward=steward
            )
            outcomes.append("approved")
        except services.AlreadyDecided as refusal:
            outcomes.append(f"refused: decided by {refusal.request.decided_by}")
        finally:
            connection.close()

    threads = [threading.Thread(target=approve, args=(person,)) for person in (sam, ada)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(outcomes)[0] == "approved"
    assert sorted(outcomes)[1].startswith("refused: decided by ")
    assert Invitation.objects.count() == 1
    assert JoinRequestEvent.objects.filter(kind="approved").count() == 1


def test_the_steward_who_came_second_sees_who_decided_first(client, sam, ada, olivia_request):
    services.join_request_approve(request=olivia_request, steward=ada)
    client.force_login(sam)
    response = client.post(
        f"/en/join/requests/{olivia_request.pk}/decline/", {"message": "No"}, follow=True
    )
    assert "Ada Lovelace already decided this request" in response.text
    olivia_request.refresh_from_db()
    assert olivia_request.status == "approved"


def test_declining_sends_the_edited_template_message(client, sam, amelie_request):
    client.force_login(sam)
    page = client.get(f"/en/join/requests/{amelie_request.pk}/")
    suggested = page.context["decline_form"]["message"].value()
    assert "Merci" in suggested  # the French template, since Amélie asked for French
    client.post(
        f"/en/join/requests/{amelie_request.pk}/decline/",
        {"message": "Merci, mais pas pour l'instant.", "send_message": "on"},
    )
    amelie_request.refresh_from_db()
    assert amelie_request.status == "declined"
    run_tasks()
    [message] = mail.outbox
    assert "Merci, mais pas pour l'instant." in message.body
    assert (
        AuditEntry.objects.get(verb="join_request.decline").note
        == "Merci, mais pas pour l'instant."
    )


def test_declining_without_a_message_sends_nothing(client, sam, olivia_request):
    client.force_login(sam)
    client.post(f"/en/join/requests/{olivia_request.pk}/decline/", {"message": "unused"})
    run_tasks()
    assert mail.outbox == []


def test_asking_for_more_information_and_the_answer_coming_back(client, sam, olivia_request):
    client.force_login(sam)
    client.post(f"/en/join/requests/{olivia_request.pk}/ask/", {"message": "Where is the café?"})
    olivia_request.refresh_from_db()
    assert olivia_request.status == "awaiting_information"
    run_tasks()
    link = link_in(mail.outbox[0].body, "/join/answer/")
    client.logout()
    form = client.get(link.replace("http://127.0.0.1:8000", ""), follow=True)
    assert "Where is the café?" in form.text
    assert form.redirect_chain[-1][0] == "/en/join/answer/"
    done = client.post("/en/join/answer/", {"answer": "In the Kingston Frontenac library."})
    assert "Thank you for your answer" in done.text
    olivia_request.refresh_from_db()
    assert olivia_request.status == "new"
    assert olivia_request.events.last().message == "In the Kingston Frontenac library."
    again = client.get(link.replace("http://127.0.0.1:8000", ""), follow=True)
    assert "This link no longer works" in again.text


def test_stewards_keep_internal_notes(client, sam, olivia_request):
    client.force_login(sam)
    client.post(
        f"/en/join/requests/{olivia_request.pk}/note/", {"message": "Met her at the symposium."}
    )
    page = client.get(f"/en/join/requests/{olivia_request.pk}/")
    assert "Met her at the symposium." in page.text
    assert "Sam Tremblay" in page.text


def test_the_detail_page_shows_possible_duplicates(client, sam, olivia_request):
    JoinRequest.objects.create(
        name="O. Chen", email="ochen@example.org", organization="kingston compassionate city",
        language="en", status="declined",
    )  # fmt: skip
    client.force_login(sam)
    page = client.get(f"/en/join/requests/{olivia_request.pk}/")
    assert [r.name for r in page.context["duplicates"]] == ["O. Chen"]


def test_resending_replaces_the_invitation(client, sam, olivia_request):
    first = services.join_request_approve(request=olivia_request, steward=sam)
    client.force_login(sam)
    client.post(f"/en/join/requests/{olivia_request.pk}/resend/")
    first.refresh_from_db()
    assert first.revoked_at is not None
    assert Invitation.objects.filter(revoked_at__isnull=True).count() == 1
    run_tasks()
    assert len(mail.outbox) == 2


def test_approving_several_at_once(client, sam, olivia_request, amelie_request):
    client.force_login(sam)
    response = client.post(
        "/en/join/requests/approve/",
        {"requests": [olivia_request.pk, amelie_request.pk, "junk"]},
        follow=True,
    )
    assert "Approved 2 requests" in response.text
    assert set(JoinRequest.objects.values_list("status", flat=True)) == {"approved"}
    assert Invitation.objects.count() == 2


def test_approving_several_never_redirects_to_another_site(client, sam, olivia_request):
    client.force_login(sam)
    response = client.post(
        "/en/join/requests/approve/",
        {"requests": [olivia_request.pk], "next": "https://evil.example/phish"},
    )
    assert response.url == "/en/join/requests/"


def test_stewards_hear_about_new_requests_at_most_hourly(sam, benoit, olivia_request):
    assert steward_digest_if_due() is True
    run_tasks()
    [message] = [m for m in mail.outbox if m.to == ["sam@example.org"]]
    assert "Olivia Chen" in message.body
    JoinRequest.objects.create(name="Late", email="late@example.org", language="en")
    assert steward_digest_if_due() is False  # the last one went out less than an hour ago
    assert steward_digest_if_due(now=timezone.now() + timedelta(minutes=61)) is True
    assert steward_digest.call() == 0  # the task itself re-checks the hour


def test_the_figures_tile_reports_open_requests_and_median_first_response(
    sam, olivia_request, amelie_request
):
    now = timezone.now()
    JoinRequest.objects.filter(pk=olivia_request.pk).update(
        submitted_at=now - timedelta(hours=10), first_response_at=now - timedelta(hours=8)
    )
    JoinRequest.objects.filter(pk=amelie_request.pk).update(
        submitted_at=now - timedelta(hours=10), first_response_at=now - timedelta(hours=4)
    )
    figures = response_figures(now=now)
    assert figures["open"] == 2
    assert figures["median_first_response"] == timedelta(hours=4)


def test_stewards_edit_the_join_form_wording(client, sam):
    client.force_login(sam)
    page = client.get("/en/join/wording/")
    data = {}
    for form in [*page.context["question_forms"], *page.context["message_forms"]]:
        for field in form:
            data[field.html_name] = field.value() or ""
    data["q-goals-label_en"] = "What do you hope for?"
    data["q-goals-label_fr"] = "Vos espoirs?"
    client.post("/en/join/wording/", data)
    assert "What do you hope for?" in client.get("/en/join/").text
    assert "Vos espoirs?" in client.get("/fr/join/").text
    assert AuditEntry.objects.filter(verb="join_form.wording").exists()
