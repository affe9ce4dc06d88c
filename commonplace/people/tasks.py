"""Slow work about people, done by the worker: photos, search entries, data downloads."""

import io
import json
import zipfile

from django.core.files.base import ContentFile
from django.tasks import task
from django.template.loader import render_to_string
from django.utils import timezone, translation
from PIL import Image, ImageOps

from commonplace.people import photos
from commonplace.people.models import DataExport, Profile


@task()
def index_profile(profile_id: int) -> str:
    """Write the profile's search entries (only what each audience may see)."""
    from commonplace.people.visibility import search_documents
    from commonplace.search.services import index

    profile = (
        Profile.objects.select_related("user")
        .prefetch_related("area_links__area")
        .filter(pk=profile_id)
        .first()
    )
    if profile is None:
        return "gone"
    index(kind="profile", object_id=profile.pk, documents=search_documents(profile))
    return "indexed"


@task()
def process_photo(profile_id: int) -> str:
    """Turn an uploaded file into the profile photo: square, at most 512 px, JPEG, no metadata.

    Re-encoding from pixels drops EXIF (location, camera) and anything hidden after the image.
    """
    profile = Profile.objects.filter(pk=profile_id).first()
    if profile is None or not profile.photo_upload:
        return "nothing to do"
    with profile.photo_upload.open("rb") as source:
        data = source.read()
    try:
        image = photos.open_checked(data)
    except photos.PhotoRefused:
        profile.photo_upload.delete(save=True)
        return "refused"
    image = ImageOps.exif_transpose(image).convert("RGB")
    image = ImageOps.fit(image, (photos.SIZE, photos.SIZE), Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=85, optimize=True)
    if profile.photo:
        profile.photo.delete(save=False)
    profile.photo.save("photo.jpg", ContentFile(buffer.getvalue()), save=False)
    profile.photo_upload.delete(save=False)
    profile.save(update_fields=["photo", "photo_upload", "updated_at"])
    return "processed"


@task()
def build_data_export(export_id: int) -> str:
    """Write the member's ZIP: everything stored about them as JSON, and a page to read it."""
    from commonplace.people.exports import everything_about

    export = DataExport.objects.select_related("member").filter(pk=export_id).first()
    if export is None:
        return "gone"
    member = export.member
    data = everything_about(member)
    with translation.override(member.language):
        page = render_to_string("people/export.html", {"data": data, "member": member})
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "my-data.json", json.dumps(data, indent=2, ensure_ascii=False, default=str)
        )
        archive.writestr("my-data.html", page)
        profile = Profile.objects.filter(user=member).first()
        if profile is not None and profile.photo:
            with profile.photo.open("rb") as photo:
                archive.writestr("photo.jpg", photo.read())
    export.file.save(f"{export.pk}-{member.pk}.zip", ContentFile(buffer.getvalue()), save=False)
    export.ready_at = timezone.now()
    export.save(update_fields=["file", "ready_at"])
    return "ready"
