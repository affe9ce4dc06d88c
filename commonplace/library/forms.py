from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from commonplace.accounts.models import User
from commonplace.conversations.forms import AttachmentsField, offer_mentions
from commonplace.conversations.mentions import mentioned_ids
from commonplace.core import selectors as core_selectors
from commonplace.core.forms import set_choices, term_choices
from commonplace.core.models import Region
from commonplace.library import files
from commonplace.library.models import (
    BODY_MAX_LENGTH,
    SUMMARY_MAX_LENGTH,
    TITLE_MAX_LENGTH,
    USE_NOTE_MAX_LENGTH,
    Audience,
    Collection,
    Resource,
    ResourceKind,
    is_site_path,
)
from commonplace.membership.forms import LimitedText

MARKDOWN_HELP = _("Markdown: **bold**, *italic*, [link](https://…), ## heading, - list, > quote.")
NATIONAL = "national"


def single_line(value: str) -> str:
    return " ".join(value.split()) if ("\n" in value or "\r" in value) else value


class ResourceForm(forms.Form):
    """Sharing or editing a resource. ``publish`` tells which button was pressed."""

    title = LimitedText(max_length=TITLE_MAX_LENGTH, label=_("Title"))
    summary = LimitedText(
        max_length=SUMMARY_MAX_LENGTH,
        label=_("Summary"),
        help_text=_("Two or three sentences: what it is and who it helps. Shown in lists."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    body = LimitedText(
        max_length=BODY_MAX_LENGTH,
        required=False,
        label=_("Text"),
        help_text=MARKDOWN_HELP,
        widget=forms.Textarea(attrs={"rows": 16}),
    )
    areas = forms.MultipleChoiceField(
        required=False, label=_("Focus areas"), widget=forms.CheckboxSelectMultiple
    )
    audiences = forms.MultipleChoiceField(
        required=False, label=_("Written for"), widget=forms.CheckboxSelectMultiple
    )
    province = forms.ChoiceField(label=_("Where it applies"))
    language = forms.ChoiceField(
        label=_("Language"), choices=Resource.Language.choices, widget=forms.RadioSelect
    )
    licence = forms.ChoiceField(
        label=_("Licence"),
        choices=Resource.Licence.choices,
        initial=Resource.Licence.CC_BY,
        help_text=_("What others may do with it. Choose “All rights reserved” if unsure."),
    )
    co_authors = LimitedText(
        max_length=2000,
        required=False,
        label=_("Authors who are members"),
        help_text=_("Type @ and a name for each member who wrote it with you."),
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    credits = LimitedText(
        max_length=2000,
        required=False,
        label=_("Other authors and credits"),
        help_text=_("People and organizations outside the community, one per line."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    links = LimitedText(
        max_length=4000,
        required=False,
        label=_("Links"),
        help_text=_("Web addresses, one per line: a recording, a website, the original source."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    new_files = AttachmentsField(
        label=_("Files"),
        check=files.check,
        accept=files.ACCEPT,
        per_post="LIBRARY_FILES_PER_RESOURCE",
    )
    note = LimitedText(
        max_length=300,
        required=False,
        label=_("What did you change?"),
        help_text=_("A few words, shown in the history of versions."),
    )

    def __init__(self, *args, existing_files=(), editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        set_choices(self, "areas", term_choices(core_selectors.focus_areas()))
        set_choices(self, "audiences", term_choices(Audience.objects.filter(is_active=True)))
        set_choices(
            self,
            "province",
            [(NATIONAL, _("All of Canada")), *term_choices(Region.objects.filter(is_active=True))],
        )
        offer_mentions(self.fields["co_authors"])
        offer_mentions(self.fields["body"])
        self.existing = list(existing_files)
        self.fields["new_files"].help_text = _(
            "PDF, Word (.docx), Excel (.xlsx) or PowerPoint (.pptx) files and images, each under "
            "%(size)s. For audio and video, add a link instead."
        ) % {"size": filesizeformat(settings.LIBRARY_FILE_MAX_BYTES)}
        if self.existing:
            self.fields["replace"] = forms.TypedMultipleChoiceField(
                required=False,
                coerce=int,
                label=_("Files to take down"),
                help_text=_("They stay in the history of versions."),
                choices=[(item.pk, item.original_name) for item in self.existing],
                widget=forms.CheckboxSelectMultiple,
            )
        if not editing:
            del self.fields["note"]

    def clean_title(self) -> str:
        return single_line(self.cleaned_data["title"])

    def clean_links(self) -> str:
        links = self.cleaned_data["links"]
        check = URLValidator(schemes=["http", "https"])
        for line in links.splitlines():
            # An address on this site, such as the conversation a resource came from
            # (services.resource_from_topic writes one), is kept as it is.
            if is_site_path(line.strip()):
                continue
            if line.strip():
                try:
                    check(line.strip())
                except ValidationError:
                    raise ValidationError(
                        _("“%(line)s” is not a web address. Each line must start with https://."),
                        params={"line": line.strip()[:200]},
                    ) from None
        return links

    def clean(self):
        cleaned = super().clean() or {}
        kept = len(self.existing) - len(self.chosen_replacements())
        if kept + len(cleaned.get("new_files") or []) > settings.LIBRARY_FILES_PER_RESOURCE:
            self.add_error(
                "new_files",
                _("A resource can have up to %(count)d files.")
                % {"count": settings.LIBRARY_FILES_PER_RESOURCE},
            )
        return cleaned

    def chosen_areas(self):
        wanted = set(self.cleaned_data.get("areas") or [])
        return [area for area in core_selectors.focus_areas() if area.slug in wanted]

    def chosen_audiences(self):
        return list(Audience.objects.filter(slug__in=self.cleaned_data.get("audiences") or []))

    def chosen_region(self) -> Region | None:
        slug = self.cleaned_data.get("province")
        return None if slug == NATIONAL else Region.objects.filter(slug=slug).first()

    def chosen_authors(self) -> list[User]:
        ids = mentioned_ids(self.cleaned_data.get("co_authors") or "", limit=30)
        return list(User.objects.filter(pk__in=ids, is_active=True))

    def chosen_replacements(self):
        wanted = (
            set(self.cleaned_data.get("replace") or []) if hasattr(self, "cleaned_data") else set()
        )
        return [item for item in self.existing if item.pk in wanted]

    def values(self) -> dict:
        """What the services take, from a valid form."""
        data = self.cleaned_data
        return {
            "title": data["title"],
            "summary": data["summary"],
            "body": data["body"],
            "language": data["language"],
            "licence": data["licence"],
            "areas": self.chosen_areas(),
            "audiences": self.chosen_audiences(),
            "region": self.chosen_region(),
            "credits": data["credits"],
            "links": data["links"],
            "files": data["new_files"],
        }


def author_mentions(authors, language: str) -> str:
    """The co-authors box filled in for an edit: one mention link per member."""
    return "\n".join(
        f"[@{author.display_name}](/{language}/people/{author.pk}/)" for author in authors
    )


def resource_initial(resource: Resource, language: str) -> dict:
    return {
        "title": resource.title,
        "summary": resource.summary,
        "body": resource.body,
        "areas": [area.slug for area in resource.areas.all()],
        "audiences": [audience.slug for audience in resource.audiences.all()],
        "province": resource.region.slug if resource.region else NATIONAL,
        "language": resource.language,
        "licence": resource.licence,
        "co_authors": author_mentions(resource.authors.all(), language),
        "credits": resource.credits,
        "links": resource.links,
    }


class UseForm(forms.Form):
    note = LimitedText(
        max_length=USE_NOTE_MAX_LENGTH,
        required=False,
        label=_("How did you use it? (optional)"),
        help_text=_("One line, for instance “Adapted it for our volunteer training”."),
    )

    def clean_note(self) -> str:
        return single_line(self.cleaned_data["note"])


class SuggestionForm(forms.Form):
    title = LimitedText(max_length=TITLE_MAX_LENGTH, label=_("Title"))
    summary = LimitedText(
        max_length=SUMMARY_MAX_LENGTH, label=_("Summary"), widget=forms.Textarea(attrs={"rows": 3})
    )
    body = LimitedText(
        max_length=BODY_MAX_LENGTH,
        required=False,
        label=_("Text"),
        help_text=MARKDOWN_HELP,
        widget=forms.Textarea(attrs={"rows": 16}),
    )
    note = LimitedText(max_length=300, required=False, label=_("Why this change? (optional)"))

    def clean_title(self) -> str:
        return single_line(self.cleaned_data["title"])

    def clean(self):
        cleaned = super().clean() or {}
        resource = (self.initial or {}).get("resource")
        if resource is not None and all(
            cleaned.get(name) == getattr(resource, name) for name in ("title", "summary", "body")
        ):
            raise ValidationError(_("Nothing was changed. Edit the text you want to improve."))
        return cleaned


class CommentForm(forms.Form):
    body = LimitedText(
        max_length=20_000,
        label=_("Your comment"),
        help_text=_("Posted in the conversation about this resource, where members can reply."),
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        offer_mentions(self.fields["body"])


class TranslationForm(forms.Form):
    other = forms.IntegerField(
        label=_("Number of the translated resource"),
        min_value=1,
        help_text=_("The number in its address, after /library/ (for example 42)."),
    )

    def __init__(self, *args, resource: Resource, **kwargs):
        super().__init__(*args, **kwargs)
        self.resource = resource

    def clean_other(self) -> Resource:
        from commonplace.library.selectors import translation_candidates

        other = translation_candidates(self.resource).filter(pk=self.cleaned_data["other"]).first()
        if other is None:
            raise ValidationError(
                _(
                    "No shared resource in another language has that number. A translation "
                    "must be shared with members and written in the other language."
                )
            )
        return other


class CollectionForm(forms.ModelForm):
    class Meta:
        model = Collection
        fields = ["name_en", "description_en", "name_fr", "description_fr", "position"]
        widgets = {
            "name_en": forms.TextInput(attrs={"lang": "en"}),
            "name_fr": forms.TextInput(attrs={"lang": "fr"}),
            "description_en": forms.Textarea(attrs={"rows": 3, "lang": "en"}),
            "description_fr": forms.Textarea(attrs={"rows": 3, "lang": "fr"}),
        }


class KindForm(forms.ModelForm):
    class Meta:
        model = ResourceKind
        fields = [
            "name_en", "description_en", "template_en", "name_fr", "description_fr", "template_fr",
        ]  # fmt: skip
        widgets = {
            "name_en": forms.TextInput(attrs={"lang": "en"}),
            "name_fr": forms.TextInput(attrs={"lang": "fr"}),
            "description_en": forms.TextInput(attrs={"lang": "en"}),
            "description_fr": forms.TextInput(attrs={"lang": "fr"}),
            "template_en": forms.Textarea(attrs={"rows": 8, "lang": "en"}),
            "template_fr": forms.Textarea(attrs={"rows": 8, "lang": "fr"}),
        }


class PlaceForm(forms.Form):
    """A steward putting a resource on a collection's shelf."""

    collection = forms.ModelChoiceField(
        label=_("Collection"), queryset=Collection.objects.all(), empty_label=None
    )
