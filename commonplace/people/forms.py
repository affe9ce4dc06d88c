import zoneinfo

from django import forms
from django.conf import settings
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

from commonplace.core import selectors as core_selectors
from commonplace.core.forms import RegionField, set_choices, term_choices
from commonplace.membership.forms import LimitedText
from commonplace.people.models import VISIBILITY_DEFAULTS, Visibility
from commonplace.people.photos import PhotoRefused, open_checked

# Canada's time zones first, in the order they run from east to west.
CANADIAN_TIME_ZONES = [
    "America/St_Johns", "America/Halifax", "America/Moncton", "America/Toronto",
    "America/Winnipeg", "America/Regina", "America/Edmonton", "America/Vancouver",
    "America/Whitehorse",
]  # fmt: skip
MAX_LINKS = 5


class VisibilityField(forms.ChoiceField):
    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Who sees this"))
        super().__init__(choices=Visibility.choices, **kwargs)


class ProfileForm(forms.Form):
    """A member's profile, each part with its own "who sees this"."""

    name = LimitedText(max_length=150, label=_("Name"))
    pronouns = LimitedText(max_length=40, required=False, label=_("Pronouns"))
    organization = LimitedText(max_length=200, required=False, label=_("Organization or group"))
    organization_type = forms.ChoiceField(required=False, label=_("Type of organization"))
    role_title = LimitedText(max_length=150, required=False, label=_("Role or title"))
    province = RegionField(label=_("Province or territory"))
    city = LimitedText(max_length=120, required=False, label=_("Community or city"))
    time_zone = forms.ChoiceField(required=False, label=_("Time zone"))
    languages = forms.MultipleChoiceField(
        required=False, label=_("Languages I speak"), widget=forms.CheckboxSelectMultiple
    )
    bio = LimitedText(
        max_length=2000,
        required=False,
        label=_("About me"),
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    works_on = forms.MultipleChoiceField(
        required=False, label=_("Focus areas I work on"), widget=forms.CheckboxSelectMultiple
    )
    can_help = forms.MultipleChoiceField(
        required=False, label=_("I can help with these areas"), widget=forms.CheckboxSelectMultiple
    )
    expertise = LimitedText(
        max_length=1000,
        required=False,
        label=_("I can help with (in my own words)"),
        help_text=_(
            "For example: starting a grief café, training volunteers, writing a municipal charter."
        ),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    wants_to_learn = forms.MultipleChoiceField(
        required=False,
        label=_("I want to learn about these areas"),
        widget=forms.CheckboxSelectMultiple,
    )
    interests = LimitedText(
        max_length=1000,
        required=False,
        label=_("I want to learn about (in my own words)"),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    links = LimitedText(
        max_length=2000,
        required=False,
        label=_("Links"),
        help_text=_("One address per line, up to five: your organization, a project page…"),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    initiative = LimitedText(
        max_length=4000,
        required=False,
        label=_("My initiative or project"),
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    goals = LimitedText(
        max_length=4000,
        required=False,
        label=_("What I hope to learn or share here"),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    accepts_messages = forms.BooleanField(
        required=False,
        label=_("Members may write to me through the site (my address stays private)"),
    )

    # Which visibility select goes with which part of the form.
    VISIBILITY_OF = {
        "email": None,
        "pronouns": "pronouns",
        "photo": None,
        "organization": "organization",
        "organization_type": "organization_type",
        "role_title": "role_title",
        "province": "province",
        "city": "city",
        "time_zone": "time_zone",
        "languages": "languages",
        "bio": "bio",
        "focus_areas": "works_on",
        "expertise": "can_help",
        "interests": "wants_to_learn",
        "links": "links",
        "initiative": "initiative",
        "goals": "goals",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        areas = term_choices(core_selectors.focus_areas())
        for name in ("works_on", "can_help", "wants_to_learn"):
            set_choices(self, name, areas)
        set_choices(self, "languages", term_choices(core_selectors.spoken_languages()))
        set_choices(
            self,
            "organization_type",
            [("", "—"), *term_choices(core_selectors.organization_types())],
        )
        set_choices(
            self,
            "time_zone",
            [("", "—"), *[(zone, zone.replace("_", " ")) for zone in CANADIAN_TIME_ZONES]],
        )
        for field_name in VISIBILITY_DEFAULTS:
            self.fields[f"{field_name}_visibility"] = VisibilityField(
                initial=VISIBILITY_DEFAULTS[field_name]
            )
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["organization"].widget.attrs["autocomplete"] = "organization"

    def clean_time_zone(self) -> str:
        zone = self.cleaned_data["time_zone"]
        if zone and zone not in zoneinfo.available_timezones():
            raise forms.ValidationError(_("Please choose a time zone from the list."))
        return zone

    def clean_links(self) -> str:
        text = self.cleaned_data["links"]
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        if len(lines) > MAX_LINKS:
            raise forms.ValidationError(
                _("Please keep to %(count)d links.") % {"count": MAX_LINKS}, code="too_many"
            )
        check = URLValidator(schemes=["http", "https"])
        for line in lines:
            try:
                check(line)
            except forms.ValidationError:
                raise forms.ValidationError(
                    _("“%(link)s” is not a web address. Addresses start with https://.")
                    % {"link": line[:80]},
                    code="invalid",
                ) from None
        return text

    def visibility(self) -> dict[str, str]:
        return {name: self.cleaned_data[f"{name}_visibility"] for name in VISIBILITY_DEFAULTS}

    def field_rows(self):
        """(field, its visibility select) pairs in display order, for the template."""
        for name, bound in (
            (name, self[name]) for name in self.fields if not name.endswith("_visibility")
        ):
            owner = next((key for key, value in self.VISIBILITY_OF.items() if value == name), None)
            yield bound, self[f"{owner}_visibility"] if owner else None


class PhotoForm(forms.Form):
    photo = forms.FileField(label=_("Choose a photo"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Built per form, not at import, so that it is in the language of the request.
        self.fields["photo"].help_text = _(
            "A JPEG, PNG, WebP or GIF image, up to %(size)d MB. It is cropped to a square."
        ) % {"size": settings.PHOTO_MAX_BYTES // (1024 * 1024)}

    def clean_photo(self):
        upload = self.cleaned_data["photo"]
        if upload.size > settings.PHOTO_MAX_BYTES:
            raise forms.ValidationError(
                _("This file is too large. Please choose a photo under %(size)d MB.")
                % {"size": settings.PHOTO_MAX_BYTES // (1024 * 1024)}
            )
        data = upload.read()
        upload.seek(0)
        try:
            open_checked(data)
        except PhotoRefused as refusal:
            raise forms.ValidationError(refusal.message) from None
        return upload


class AccountSettingsForm(forms.Form):
    name = LimitedText(max_length=150, label=_("Name"))
    language = forms.ChoiceField(
        choices=settings.LANGUAGES,
        widget=forms.RadioSelect,
        label=_("Language for the site and email"),
    )


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    remove_content = forms.BooleanField(
        required=False,
        label=_("Also remove what I wrote for the community"),
        help_text=_(
            "Your replies, your comments and the library resources only you wrote are erased, "
            "files included. Conversations you started that others answered keep their title "
            "and the others' replies; resources you wrote with others stay as theirs. Private "
            "messages stay with the people you sent them to."
        ),
    )
    confirm = forms.BooleanField(
        label=_("I understand that my account cannot be recovered"),
        error_messages={"required": _("Please confirm that you understand this cannot be undone.")},
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("This is not your current password."))
        return password


class DirectoryForm(forms.Form):
    """The directory's search and filters, read from the address so every view can be shared."""

    q = forms.CharField(required=False, max_length=200, label=_("Search"))
    province = RegionField(label=_("Province or territory"))
    area = forms.ChoiceField(required=False, label=_("Works on"))
    expertise = forms.ChoiceField(required=False, label=_("Can help with"))
    language = forms.ChoiceField(required=False, label=_("Speaks"))
    organization_type = forms.ChoiceField(required=False, label=_("Type of organization"))
    sort = forms.ChoiceField(
        required=False,
        label=_("Order"),
        choices=[
            ("relevance", _("Best match")),
            ("name", _("Name")),
            ("newest", _("Newest members")),
        ],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        anything = [("", _("Any"))]
        areas = term_choices(core_selectors.focus_areas())
        set_choices(self, "province", [*anything, *term_choices(core_selectors.regions())])
        set_choices(self, "area", anything + areas)
        set_choices(self, "expertise", anything + areas)
        set_choices(self, "language", anything + term_choices(core_selectors.spoken_languages()))
        set_choices(
            self,
            "organization_type",
            anything + term_choices(core_selectors.organization_types()),
        )


class WhoKnowsForm(forms.Form):
    area = forms.ChoiceField(required=False, label=_("A focus area"))
    q = forms.CharField(required=False, max_length=200, label=_("Or in your own words"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        set_choices(self, "area", [("", "—"), *term_choices(core_selectors.focus_areas())])
