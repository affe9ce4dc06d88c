"""The library at scale: ``seed_scale`` adds resources once, members find them by list and by
search, and the pages ``make bench`` measures answer the bench member."""

import importlib.util
import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from commonplace.accounts.models import User
from commonplace.library.models import (
    Collection,
    CollectionItem,
    Resource,
    ResourceKind,
    ResourceUse,
    ResourceVersion,
)
from commonplace.library.services import resource_url
from commonplace.search.models import SearchEntry

pytestmark = pytest.mark.django_db

MEMBERS = 40
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def scale(settings, tmp_path):
    """A small scale community; returns the seed's bench paths and the bench member."""
    settings.VAR_DIR = tmp_path
    call_command("seed_scale", members=MEMBERS, audit_entries=10, join_requests=10, verbosity=0)
    paths = json.loads((tmp_path / "bench-paths.json").read_text("utf-8"))
    logins = json.loads((tmp_path / "bench-login.json").read_text("utf-8"))
    member = User.objects.get(email=next(row["email"] for row in logins if row["role"] == "member"))
    return paths, member


def library_counts() -> tuple[int, ...]:
    return (
        Resource.objects.count(),
        ResourceVersion.objects.count(),
        ResourceUse.objects.count(),
        Collection.objects.count(),
        CollectionItem.objects.count(),
        SearchEntry.objects.filter(kind="resource").count(),
    )


def bench_pages() -> list:
    """The library lines of scripts/bench.py, so this test opens what the bench measures."""
    spec = importlib.util.spec_from_file_location("bench", ROOT / "scripts" / "bench.py")
    assert spec is not None
    assert spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    return [
        page for page in bench.PAGES if page.name.startswith("library-") or page.name == "resource"
    ]


def queries_for(client, path: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200, path
    return len(queries)


def test_the_scale_seed_adds_resources_once_and_a_second_run_adds_nothing(scale):
    first = library_counts()
    resources = Resource.objects.all()
    assert first[0] == MEMBERS // 2
    assert set(resources.values_list("kind__key", flat=True)) == set(ResourceKind.Key.values)
    assert set(resources.values_list("language", flat=True)) == set(Resource.Language.values)
    assert not resources.exclude(status=Resource.Status.PUBLISHED).exists()
    assert not resources.filter(areas=None).exists()
    assert resources.filter(translation__isnull=False).exists()
    # Each resource has its first version, its uses agree with its count, and it is indexed
    # for members and stewards.
    assert first[1] == first[0]
    assert first[5] == 2 * first[0]
    assert sum(resources.values_list("use_count", flat=True)) == first[2]
    call_command("seed_scale", members=MEMBERS, audit_entries=10, join_requests=10, verbosity=0)
    assert library_counts() == first


def test_the_scale_resources_are_listed_and_found_by_search(client, scale):
    _paths, member = scale
    client.force_login(member)
    listing = client.get(reverse("library:list"))
    assert listing.status_code == 200
    assert listing.context["page_obj"].paginator.count > 0
    bench_resource = Resource.objects.order_by("pk").first()
    assert bench_resource is not None
    found = client.get(reverse("library:list"), {"q": "respite schedules"})
    assert bench_resource in found.context["resources"]
    assert found.context["by_relevance"]
    # The one search of the site finds them too.
    everywhere = client.get(reverse("search:everything"), {"q": "respite schedules"})
    assert everywhere.status_code == 200
    assert resource_url(bench_resource) in everywhere.content.decode()


def test_the_pages_the_bench_measures_answer_the_bench_member(client, scale):
    paths, member = scale
    client.force_login(member)
    pages = bench_pages()
    assert {page.name for page in pages} >= {"library-home", "library-filtered", "resource"}
    for page in pages:
        path = paths[page.path[1:-1]] if page.path.startswith("{") else page.path
        queries_for(client, path)  # the site's name and such are cached by the first pages
        assert queries_for(client, path) == queries_for(client, path)


def test_the_resource_page_asks_the_same_number_of_queries_for_any_scale_resource(client, scale):
    paths, member = scale
    client.force_login(member)
    bench = Resource.objects.order_by("pk").first()
    assert bench is not None
    assert paths["resource"] == resource_url(bench)
    assert not bench.authors.filter(pk=member.pk).exists()
    # Another resource with a different number of uses, areas and authors, not the member's.
    other = (
        Resource.objects.exclude(pk__in=[bench.pk, bench.translation_id or 0])
        .exclude(authors=member)
        .exclude(use_count=bench.use_count)
        .order_by("-use_count")
        .first()
    )
    assert other is not None
    queries_for(client, paths["resource"])
    assert queries_for(client, paths["resource"]) == queries_for(client, resource_url(other))
