"""Slow work about the library, done by the worker: reading the text inside resources' files."""

import logging

from django.db import transaction
from django.tasks import task

from commonplace.library import extraction
from commonplace.library.models import ResourceFile

logger = logging.getLogger("commonplace.library")

# The kinds whose words we can read; the others (spreadsheets, slides, images) are found by
# their resource's title and text only.
READABLE = {ResourceFile.Kind.PDF, ResourceFile.Kind.DOCX}


def schedule_reading(resource_file: ResourceFile) -> None:
    """Mark a saved file as waiting to be read (or as having no text to read) and, once the
    caller's transaction commits, hand it to the worker. Call it from the service that stores
    the file, inside its transaction: a rolled-back upload is never read."""
    readable = resource_file.kind in READABLE
    resource_file.extraction = (
        ResourceFile.Extraction.WAITING if readable else ResourceFile.Extraction.NONE
    )
    resource_file.save(update_fields=["extraction"])
    if readable:
        file_id = resource_file.pk
        transaction.on_commit(lambda: read_file_text.enqueue(file_id))


@task()
def read_file_text(file_id: int) -> str:
    """Store the text of a PDF or Word document, or why it could not be read, then re-index its
    resource so search finds the words. Never raises for a file it cannot read: one hostile
    upload must not stop the worker, and the file stays downloadable either way."""
    from commonplace.library import finding

    resource_file = ResourceFile.objects.filter(pk=file_id).first()
    if resource_file is None:
        return "gone"
    try:
        with resource_file.file.open("rb") as source:
            content = source.read()
    except FileNotFoundError:
        # Lost from storage (a restore from backup without the media, say): nothing to read.
        outcome = _failed(resource_file, "The file is missing from storage.")
    else:
        try:
            text = extraction.text_of(resource_file.kind, content)
        except extraction.ExtractionFailed as error:
            outcome = _failed(resource_file, str(error))
        else:
            resource_file.text = text
            resource_file.extraction = (
                ResourceFile.Extraction.DONE
                if resource_file.kind in READABLE
                else ResourceFile.Extraction.NONE
            )
            resource_file.extraction_error = ""
            outcome = "done"
    resource_file.save(update_fields=["text", "extraction", "extraction_error"])
    finding.resource_indexed(resource_file.resource_id)
    return outcome


def _failed(resource_file: ResourceFile, reason: str) -> str:
    resource_file.text = ""
    resource_file.extraction = ResourceFile.Extraction.FAILED
    resource_file.extraction_error = reason[:300]
    logger.warning("Could not read the text of library file %s: %s", resource_file.pk, reason)
    return "failed"
