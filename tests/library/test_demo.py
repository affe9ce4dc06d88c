"""The demo library: about thirty resources of every kind, in English, in French and in both,
with real PDF and Word files that pass the library's own checks and give up their words to
search once the worker has read them; collections, translation pairs and public resources;
added once, and never a pile of email. And the small documents ``samples`` writes for it."""

import io
import re
import xml.etree.ElementTree as ElementTree
import zipfile

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db.models import Q
from django.utils import translation
from pypdf import PdfReader

from commonplace.accounts.models import User
from commonplace.library import demo, extraction, files, samples
from commonplace.library.models import (
    SUMMARY_MAX_LENGTH,
    TITLE_MAX_LENGTH,
    USE_NOTE_MAX_LENGTH,
    Collection,
    EditSuggestion,
    Resource,
    ResourceFile,
    ResourceKind,
    ResourceUse,
    TranslationRequest,
)
from commonplace.library.selectors import Filters, resources_page
from commonplace.notifications.models import Notification
from tests.conftest import library_kinds, run_tasks

ALICE = "alice@demo.commonplace.test"
# Words that are only inside a demo file, never in a resource's own text.
ONLY_IN_THE_REPORT_PDF = "Wilcoxon"
ONLY_IN_THE_FRENCH_PDF = "tisane"


def checked(name: str, content: bytes) -> files.CheckedFile:
    return files.check(SimpleUploadedFile(name, content))


def one_line(text: str) -> str:
    return " ".join(text.split())


# --- The documents samples.py writes ------------------------------------------------------------


def test_a_pdf_passes_the_library_checks_and_gives_its_words_back():
    document = samples.pdf("Respite volunteers", ["They meet on Tuesdays at the library."])
    assert checked("respite.pdf", document).kind == ResourceFile.Kind.PDF
    assert one_line(extraction.text_of("pdf", document)).startswith(
        "Respite volunteers They meet on Tuesdays at the library."
    )


def test_french_accents_survive_a_pdf_round_trip():
    sentence = (
        "À Trois-Rivières, l'été dernier : « Où est le café deuil? » — Noël, œuvre, ça, "
        "Île-du-Prince-Édouard, façon, élève, naïf, cœur."
    )
    document = samples.pdf("Récit d'une communauté bienveillante", [sentence], language="fr")
    text = one_line(extraction.text_of("pdf", document))
    assert text.startswith("Récit d'une communauté bienveillante")
    assert sentence in text
    assert b"/Encoding /WinAnsiEncoding" in document
    assert b"/Lang (fr-CA)" in document


def test_a_character_winansi_lacks_does_not_break_the_pdf():
    # A narrow no-break space, as French typography puts before "?", has a near neighbour.
    document = samples.pdf("Pourquoi\u202f?", ["Ça va\u202f? 漢字"])
    text = extraction.text_of("pdf", document)
    assert "Pourquoi" in text
    assert "Ça va" in text


def test_parentheses_and_backslashes_are_escaped_in_pdf_strings():
    assert samples.pdf_string("a(b)c\\d") == b"a\\(b\\)c\\\\d"
    # Beyond ASCII, octal escapes keep the content stream plain text.
    assert samples.pdf_string("été") == b"\\351t\\351"
    tricky = "Unbalanced ) then ( and a path C:\\caregivers\\rota (see page 2) \\n"
    document = samples.pdf("Escapes (all of them) \\", [tricky])
    text = one_line(extraction.text_of("pdf", document))
    assert "Escapes (all of them) \\" in text
    assert tricky.strip() in text


def test_the_cross_reference_table_points_at_every_object():
    document = samples.pdf("Two pages", ["word " * 200] * 4)
    start = int(re.search(rb"startxref\n(\d+)\n%%EOF\n$", document)[1])
    assert document[start:].startswith(b"xref\n0 ")
    entries = re.findall(rb"(\d{10}) 00000 n \n", document[start:])
    assert len(entries) > 6
    for number, offset in enumerate(entries, start=1):
        assert document[int(offset) :].startswith(b"%d 0 obj\n" % number)
    # A strict reader refuses a wrong offset or a wrong stream length.
    reader = PdfReader(io.BytesIO(document), strict=True)
    assert reader.metadata is not None
    assert reader.metadata.title == "Two pages"


def test_long_text_wraps_within_the_page_and_continues_on_more_pages():
    paragraph = (
        "Neighbours, pharmacists, librarians and hospice volunteers each notice a different "
        "part of what a caregiver carries, and a Compassionate Community links them up. "
    ) * 3
    document = samples.pdf("A long guide", [paragraph] * 25)
    reader = PdfReader(io.BytesIO(document), strict=True)
    assert len(reader.pages) >= 3
    text = extraction.text_of("pdf", document)
    assert one_line(text).count("Compassionate Community") == 75
    assert f"{len(reader.pages)} / {len(reader.pages)}" in text
    lines = [line for line in text.splitlines() if line.strip() and " / " not in line]
    assert len(lines) > 100
    assert all(
        samples.REGULAR.width(line, samples.BODY.size) <= samples.TEXT_WIDTH
        for line in lines
        if line != "A long guide"
    )


def test_a_word_wider_than_the_page_is_cut_not_lost():
    word = "caregiving" * 20
    text = extraction.text_of("pdf", samples.pdf("Long word", [word]))
    lines = text.splitlines()
    assert lines[0] == "Long word"
    assert lines[-1] == "1 / 1"
    assert len(lines) > 3
    assert "".join(lines[1:-1]) == word


def test_headings_are_bold_and_start_a_new_block():
    document = samples.pdf("Guide", ["## Steps", "Book a room."])
    assert b"/F2 13 Tf" in document
    assert one_line(extraction.text_of("pdf", document)).startswith("Guide Steps Book a room.")


def test_a_word_document_passes_the_checks_and_gives_its_paragraphs_back():
    document = samples.docx(
        "Charte & <modèle>", ["## Étapes", "Ligne un\nligne deux", '« Café » "deuil"']
    )
    result = checked("charte.docx", document)
    assert result.kind == ResourceFile.Kind.DOCX
    assert result.content_type == ResourceFile.DOCX_TYPE
    assert extraction.text_of("docx", document) == (
        'Charte & <modèle>\nÉtapes\nLigne un\nligne deux\n« Café » "deuil"'
    )


def test_a_word_document_holds_the_parts_word_needs_as_well_formed_xml():
    document = samples.docx("Plan", ["Text"], language="fr")
    with zipfile.ZipFile(io.BytesIO(document)) as archive:
        names = set(archive.namelist())
        assert {"[Content_Types].xml", "_rels/.rels", "word/document.xml"} <= names
        for name in names:
            ElementTree.fromstring(archive.read(name))  # noqa: S314 -- written just above
        assert b'w:val="fr-CA"' in archive.read("word/document.xml")
        assert b"<dc:title>Plan</dc:title>" in archive.read("docProps/core.xml")


def test_characters_xml_cannot_hold_are_left_out_of_a_word_document():
    document = samples.docx("Bell\x07", ["Null\x00 and form feed\x0c"])
    assert extraction.text_of("docx", document) == "Bell\nNull and form feed"


def test_the_same_text_always_makes_the_same_file():
    assert samples.docx("Plan", ["Text"]) == samples.docx("Plan", ["Text"])
    assert samples.pdf("Plan", ["Text"]) == samples.pdf("Plan", ["Text"])


# --- The demo's texts -------------------------------------------------------------------------


def test_every_demo_body_follows_the_prompts_of_its_kind():
    templates = {row[0]: (row[6], row[7]) for row in library_kinds.KINDS}
    for item in demo.RESOURCES:
        english, french = templates[item.kind]
        expected = {"en": english, "fr": french, "both": english + french}[item.language]
        headings = re.findall(r"^## (.+)$", item.body(), re.MULTILINE)
        assert headings == re.findall(r"^## (.+)$", expected, re.MULTILINE), item.key


def test_every_demo_text_fits_its_field():
    for item in demo.RESOURCES:
        assert len(item.title) <= TITLE_MAX_LENGTH, item.key
        assert len(item.summary) <= SUMMARY_MAX_LENGTH, item.key
    assert all(len(note) <= USE_NOTE_MAX_LENGTH for _key, _name, note in demo.USES)
    assert all(
        len(name_en) <= 120 and len(name_fr) <= 120 for _s, name_en, name_fr, *_ in demo.COLLECTIONS
    )


def test_the_words_search_must_find_are_only_inside_the_demo_files():
    for word in (ONLY_IN_THE_REPORT_PDF, ONLY_IN_THE_FRENCH_PDF):
        for item in demo.RESOURCES:
            own_text = " ".join([item.title, item.summary, item.body(), *item.credits])
            assert word.lower() not in own_text.lower(), item.key
        inside = [
            item.key
            for item in demo.RESOURCES
            for document in item.files
            if word in " ".join(document.paragraphs)
        ]
        assert len(inside) == 1


# --- The demo library, seeded -----------------------------------------------------------------


@pytest.mark.django_db
def test_the_demo_library_has_about_thirty_resources_of_every_kind_in_both_languages(
    settings, tmp_path
):
    settings.VAR_DIR = tmp_path
    call_command("seed_demo", verbosity=0)
    resources = Resource.objects.all()
    assert resources.count() >= 30
    assert set(resources.values_list("kind__key", flat=True)) == set(ResourceKind.Key.values)
    languages = set(resources.values_list("language", flat=True))
    assert languages == {"en", "fr", "both"}
    statuses = set(resources.values_list("status", flat=True))
    assert statuses == {"draft", "published", "archived"}
    # A steward turned a question that found its answer into a draft, crediting the answerer.
    drafted = resources.get(source_topic__isnull=False)
    assert drafted.status == Resource.Status.DRAFT
    assert drafted.kind.key == ResourceKind.Key.PROBLEM
    assert drafted.authors.count() >= 2
    # Shared over weeks, not in one minute.
    shared = sorted(resources.exclude(published_at=None).values_list("published_at", flat=True))
    assert (shared[-1] - shared[0]).days >= 30
    # Every resource has authors among the members, and those written for the demo (not the
    # draft from a conversation that had none) focus areas.
    for resource in resources.prefetch_related("authors", "areas"):
        assert resource.authors.exists(), resource.title
        assert all(
            author.email.endswith("@demo.commonplace.test") for author in resource.authors.all()
        )
        assert resource.areas.exists() or resource.source_topic_id, resource.title
    assert resources.filter(region__isnull=True).exists()
    assert resources.filter(region__slug="QC").exists()
    assert resources.exclude(credits="").exists()
    recordings = resources.filter(kind__key=ResourceKind.Key.RECORDING)
    assert all(recording.link_list() for recording in recordings)

    stored = ResourceFile.objects.all()
    assert stored.filter(kind=ResourceFile.Kind.PDF).count() >= 5
    assert stored.filter(kind=ResourceFile.Kind.DOCX).count() >= 5
    for item in stored:
        with item.file.open("rb") as source:
            again = checked(item.original_name, source.read())
        assert (again.kind, again.content_type, again.size) == (
            item.kind,
            item.content_type,
            item.size,
        )

    pairs = resources.filter(translation__isnull=False)
    assert pairs.count() >= 4
    for resource in pairs.select_related("translation"):
        assert resource.translation.translation_id == resource.pk
        assert {resource.language, resource.translation.language} == {"en", "fr"}
    assert TranslationRequest.objects.exists()

    public = resources.filter(is_public=True)
    assert public.count() >= 3
    assert not public.exclude(status=Resource.Status.PUBLISHED).exists()
    assert Collection.objects.count() >= 2
    starting = Collection.objects.get(name_en="Starting a Compassionate Community")
    assert starting.name_fr == "Démarrer une communauté bienveillante"
    assert starting.description_fr
    assert starting.items.count() >= 5

    assert ResourceUse.objects.exclude(note="").count() >= 10
    assert resources.filter(use_count__gt=1).exists()
    assert resources.filter(discussion__reply_count__gte=2).exists()
    assert EditSuggestion.objects.filter(status=EditSuggestion.Status.OPEN).count() == 1


@pytest.mark.django_db(transaction=True)
def test_the_worker_reads_every_demo_file_and_search_finds_words_only_inside_them(
    settings, tmp_path
):
    settings.VAR_DIR = tmp_path
    call_command("seed_demo", verbosity=0)
    alice = User.objects.get(email=ALICE)

    def found(word: str, language: str) -> list[str]:
        with translation.override(language):
            page, _by_relevance = resources_page(
                viewer=alice, filters=Filters(q=word), page_number=1
            )
        return [resource.title for resource in page.object_list]

    assert found(ONLY_IN_THE_REPORT_PDF, "en") == []
    mail.outbox = []
    run_tasks()
    assert ResourceFile.objects.exists()
    assert not ResourceFile.objects.exclude(extraction=ResourceFile.Extraction.DONE).exists()
    assert not ResourceFile.objects.filter(text="").exists()
    for word in (ONLY_IN_THE_REPORT_PDF, ONLY_IN_THE_FRENCH_PDF):
        assert not Resource.objects.filter(
            Q(title__icontains=word) | Q(summary__icontains=word) | Q(body__icontains=word)
        ).exists()
    assert found(ONLY_IN_THE_REPORT_PDF, "en") == [
        "Six months of a neighbour network: our evaluation report"
    ]
    assert found(ONLY_IN_THE_FRENCH_PDF, "fr") == [
        "Animer un café deuil : guide pour une première animation"
    ]

    # Members were told, in the app, of uses, comments, suggestions and translations; none of
    # it went out by email.
    told = Notification.objects.filter(kind__startswith="library.")
    assert told.filter(recipient__email=ALICE).exists()
    assert not Notification.objects.filter(emailed_at__isnull=True).exists()
    titles = list(Resource.objects.values_list("title", flat=True))
    for message in mail.outbox:
        assert not any(title in message.subject or title in message.body for title in titles)


@pytest.mark.django_db
def test_seeding_the_demo_again_adds_nothing_to_the_library(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    call_command("seed_demo", verbosity=0)
    counts = [
        model.objects.count()
        for model in (Resource, ResourceFile, ResourceUse, Collection, TranslationRequest)
    ]
    notices = Notification.objects.count()
    call_command("seed_demo", verbosity=0)
    assert counts == [
        model.objects.count()
        for model in (Resource, ResourceFile, ResourceUse, Collection, TranslationRequest)
    ]
    assert Notification.objects.count() == notices
