from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from commonplace.accounts.models import User
from commonplace.conversations import attachments
from commonplace.conversations.models import (
    BODY_MAX_LENGTH,
    TITLE_MAX_LENGTH,
    Attachment,
    Flag,
    Policy,
    Space,
    Topic,
)
from commonplace.core import selectors as core_selectors
from commonplace.core.forms import set_choices, term_choices
from commonplace.membership.forms import LimitedText

MARKDOWN_HELP = _(
    "Markdown: **bold**, *italic*, [link](https://…), > quote, - list. "
    "Type @ and a name to mention a member."
)


def offer_mentions(field: forms.Field) -> None:
    """Let the page's script suggest names after "@" in this text box."""
    field.widget.attrs["data-mentions"] = reverse("people:suggest")
    field.widget.attrs["data-mentions-label"] = str(_("Members you can mention"))


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


def too_many_files(count: int) -> str:
    return ngettext(
        "You can attach up to %(count)d file to one post.",
        "You can attach up to %(count)d files to one post.",
        count,
    ) % {"count": count}


class AttachmentsField(forms.FileField):
    """Several files from one input; cleans to a list of ``attachments.CheckedFile``.

    Every file is checked and every refusal reported, each naming its file, so the person can
    fix them all at once. Nothing is stored here: the services store what comes out.
    """

    widget = MultipleFileInput

    def __init__(self, *, check=None, accept: str = "", per_post: str = "", **kwargs):
        # The library keeps other kinds of file under other limits: it passes its own check,
        # the types its input offers, and the name of the setting that caps the count.
        self.check = check or attachments.check
        self.per_post = per_post or "ATTACHMENTS_PER_POST"
        kwargs.setdefault("required", False)
        kwargs.setdefault("label", _("Attach files"))
        super().__init__(**kwargs)
        self.widget.attrs["accept"] = accept or attachments.ACCEPT

    def clean(self, data, initial=None):
        uploads = [
            upload for upload in (data if isinstance(data, list | tuple) else [data]) if upload
        ]
        limit = getattr(settings, self.per_post)
        if len(uploads) > limit:
            raise forms.ValidationError(too_many_files(limit))
        checked, errors = [], []
        for upload in uploads:
            try:
                super().clean(upload, initial)  # Django's own: a name, and not empty
                checked.append(self.check(upload))
            except forms.ValidationError as error:
                problem = " ".join(error.messages)
                errors.append(
                    forms.ValidationError(
                        _("“%(name)s”: %(problem)s") % {"name": upload.name, "problem": problem}
                    )
                )
            except attachments.AttachmentRefused as refusal:
                errors.append(forms.ValidationError(refusal.message))
        if errors:
            raise forms.ValidationError(errors)
        return checked


class AttachmentsMixin:
    """Adds files to a post's form and, when editing, boxes to remove the ones it has.

    ``existing`` are the post's attachments; ``chosen_removals()`` the ones ticked.
    """

    fields: dict
    cleaned_data: dict

    def set_up_attachments(self, existing=()) -> None:
        self.existing = list(existing)
        self.fields["attachments"].help_text = _(
            "Up to %(count)d files: JPEG, PNG, WebP or GIF images, PDFs or Word documents "
            "(.docx), each under %(size)s."
        ) % {
            "count": settings.ATTACHMENTS_PER_POST,
            "size": filesizeformat(settings.ATTACHMENT_MAX_BYTES),
        }
        if self.existing:
            self.fields["remove_attachments"] = forms.TypedMultipleChoiceField(
                required=False,
                coerce=int,
                label=_("Remove attached files"),
                choices=[(item.pk, item.original_name) for item in self.existing],
                widget=forms.CheckboxSelectMultiple,
            )

    def chosen_removals(self) -> list[Attachment]:
        wanted = set(self.cleaned_data.get("remove_attachments") or [])
        return [item for item in self.existing if item.pk in wanted]

    def check_attachment_count(self) -> None:
        kept = len(self.existing) - len(self.chosen_removals())
        added = len(self.cleaned_data.get("attachments") or [])
        if added and kept + added > settings.ATTACHMENTS_PER_POST:
            self.add_error(  # type: ignore[attr-defined]
                "attachments", too_many_files(settings.ATTACHMENTS_PER_POST)
            )


class TopicForm(AttachmentsMixin, forms.Form):
    kind = forms.ChoiceField(
        label=_("What are you starting?"),
        choices=[
            (Topic.Kind.DISCUSSION, _("A discussion: share an idea, a project or news")),
            (Topic.Kind.QUESTION, _("A question: ask for an answer others can find later")),
        ],
        initial=Topic.Kind.DISCUSSION,
        widget=forms.RadioSelect,
    )
    title = LimitedText(max_length=TITLE_MAX_LENGTH, label=_("Title"))
    body = LimitedText(
        max_length=BODY_MAX_LENGTH,
        label=_("Text"),
        help_text=MARKDOWN_HELP,
        widget=forms.Textarea(attrs={"rows": 10}),
    )
    areas = forms.MultipleChoiceField(
        required=False, label=_("Focus areas"), widget=forms.CheckboxSelectMultiple
    )
    attachments = AttachmentsField()

    def __init__(self, *args, existing_attachments=(), **kwargs):
        super().__init__(*args, **kwargs)
        set_choices(self, "areas", term_choices(core_selectors.focus_areas()))
        offer_mentions(self.fields["body"])
        self.set_up_attachments(existing_attachments)

    def clean(self):
        cleaned = super().clean()
        self.check_attachment_count()
        return cleaned

    def clean_title(self) -> str:
        title = self.cleaned_data["title"]
        if "\n" in title or "\r" in title:
            return " ".join(title.split())
        return title

    def chosen_areas(self):
        wanted = set(self.cleaned_data.get("areas") or [])
        return [area for area in core_selectors.focus_areas() if area.slug in wanted]


class ReplyForm(AttachmentsMixin, forms.Form):
    body = LimitedText(
        max_length=BODY_MAX_LENGTH,
        label=_("Your reply"),
        help_text=MARKDOWN_HELP,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    in_reply_to = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)
    attachments = AttachmentsField()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        offer_mentions(self.fields["body"])
        self.set_up_attachments()


class ReplyEditForm(AttachmentsMixin, forms.Form):
    body = LimitedText(
        max_length=BODY_MAX_LENGTH,
        label=_("Text"),
        help_text=MARKDOWN_HELP,
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    attachments = AttachmentsField()

    def __init__(self, *args, existing_attachments=(), **kwargs):
        super().__init__(*args, **kwargs)
        offer_mentions(self.fields["body"])
        self.set_up_attachments(existing_attachments)

    def clean(self):
        cleaned = super().clean()
        self.check_attachment_count()
        return cleaned


class FlagForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Why should a moderator look at this?"),
        choices=Flag.Reason.choices,
        widget=forms.RadioSelect,
    )
    note = LimitedText(
        max_length=1000,
        required=False,
        label=_("Anything moderators should know (optional)"),
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class MoveForm(forms.Form):
    space = forms.ChoiceField(label=_("Move to"))

    def __init__(self, *args, spaces, **kwargs):
        super().__init__(*args, **kwargs)
        self.spaces = {space.slug: space for space in spaces}
        set_choices(self, "space", [(space.slug, str(space.name)) for space in spaces])

    def chosen_space(self) -> Space:
        return self.spaces[self.cleaned_data["space"]]


class PeopleField(LimitedText):
    """Members named by email address, one per line (a space may have hundreds)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("widget", forms.Textarea(attrs={"rows": 4}))
        kwargs.setdefault("help_text", _("One email address per line."))
        super().__init__(max_length=20_000, **kwargs)

    def clean(self, value):
        text = super().clean(value)
        addresses = [line.strip().lower() for line in (text or "").splitlines() if line.strip()]
        found = {user.email: user for user in User.objects.filter(email__in=addresses)}
        unknown = [address for address in addresses if address not in found]
        if unknown:
            raise forms.ValidationError(
                _("No member has this address: %(addresses)s"),
                params={"addresses": ", ".join(unknown[:5])},
            )
        return list(found.values())


class SpaceForm(forms.ModelForm):
    facilitator_emails = PeopleField(label=_("Facilitators"))
    member_emails = PeopleField(label=_("Members of a private space"))

    class Meta:
        model = Space
        fields = [
            "name_en", "description_en", "name_fr", "description_fr", "position", "colour",
            "is_private",
        ]  # fmt: skip
        widgets = {
            "name_en": forms.TextInput(attrs={"lang": "en"}),
            "name_fr": forms.TextInput(attrs={"lang": "fr"}),
            "description_en": forms.Textarea(attrs={"rows": 3, "lang": "en"}),
            "description_fr": forms.Textarea(attrs={"rows": 3, "lang": "fr"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["facilitator_emails"].initial = "\n".join(
                self.instance.facilitators.values_list("email", flat=True)
            )
            self.fields["member_emails"].initial = "\n".join(
                self.instance.members.values_list("email", flat=True)
            )


class MergeForm(forms.Form):
    into = forms.CharField(
        label=_("The topic to merge into"),
        max_length=500,
        help_text=_("Its number or its address, copied from the address bar."),
    )

    def clean_into(self) -> int:
        from commonplace.conversations.moderation import topic_id_in

        found = topic_id_in(self.cleaned_data["into"])
        if found is None:
            raise forms.ValidationError(_("Give the topic's number or paste its address."))
        return found


class SplitForm(MoveForm):
    title = LimitedText(max_length=TITLE_MAX_LENGTH, label=_("Title of the new topic"))
    first = forms.IntegerField(label=_("From reply number"), min_value=1)
    last = forms.IntegerField(label=_("To reply number"), min_value=1)
    field_order = ["title", "space", "first", "last"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["space"].label = _("In the space")

    def clean(self):
        data = super().clean() or {}
        if data.get("first") and data.get("last") and data["last"] < data["first"]:
            self.add_error("last", _("The last reply comes after the first one."))
        return data


class PolicyForm(forms.ModelForm):
    class Meta:
        model = Policy
        fields = ["hold_first_posts", "trusted_after"]
        help_texts = {
            "trusted_after": _(
                "Until then a member's links and images show as text and they may post less "
                "often; their posts wait for approval when the box above is ticked."
            )
        }
