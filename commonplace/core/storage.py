"""Keeping stored files and database rows in step.

Storage takes no part in a database transaction: a file saved inside one that rolls back would
stay behind with no row pointing at it, and a file deleted before a commit that then fails
would leave a row pointing at nothing.
"""

from collections.abc import Iterator
from contextlib import contextmanager

from django.db.models.fields.files import FieldFile


@contextmanager
def files_removed_on_failure() -> Iterator[list[FieldFile]]:
    """Files appended to the yielded list are deleted again if the block raises. (A caller
    wrapping the block in a longer transaction of its own, and rolling that back later, is
    not covered.)"""
    stored: list[FieldFile] = []
    try:
        yield stored
    except BaseException:
        delete_files(stored)
        raise


def delete_files(files: list[FieldFile]) -> None:
    """Delete from storage; call it from ``transaction.on_commit`` once the rows are gone."""
    for file in files:
        if file.name:
            file.storage.delete(file.name)
