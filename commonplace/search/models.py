from django.db import models


class SearchEntry(models.Model):
    """The searchable text of one object, as one audience is allowed to find it.

    ``kind`` says what the object is ("profile", "topic", …) and ``object_id`` which one; the
    search app never follows them. ``audience`` says who may match this text: a member's profile
    can have a "members" text and a fuller "stewards" text with their email address.

    ``folded`` is ``text`` lower-cased, without accents and split into words (see words.py), so
    both databases match "elise" with "Élise" without any extension. The full-text index over it
    is not a Django field (migration 0002): on SQLite an FTS5 table that triggers keep in step
    with this table; on PostgreSQL a generated ``tsvector`` column with a GIN index. A later
    migration that makes Django rebuild this table on SQLite (altering a column) drops those
    triggers and must create them again; on PostgreSQL, ``folded`` cannot change type while the
    generated column depends on it.
    """

    class Audience(models.TextChoices):
        MEMBERS = "members"
        STEWARDS = "stewards"

    kind = models.CharField(max_length=40)
    object_id = models.PositiveBigIntegerField()
    audience = models.CharField(max_length=10, choices=Audience.choices)
    text = models.TextField()
    folded = models.TextField(editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "search entries"
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "object_id", "audience"], name="search_entry_one_per_audience"
            )
        ]
        indexes = [
            models.Index(fields=["kind", "audience", "object_id"], name="search_entry_scope_idx")
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id} ({self.audience})"
