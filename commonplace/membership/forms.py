import time

from django import forms
from django.conf import settings
from django.contrib.auth import password_validation
from django.core import signing
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from commonplace.accounts.models import Role, User
from commonplace.core.forms import RegionField, set_choices, term_choices
from commonplace.core.selectors import focus_areas
from commonplace.membership.models import JoinQuestion, StewardMessage

FORM_STARTED_SALT = "membership.join-form-started"

# The platform's own wording; stewards may replace any of it (JoinQuestion) in either language.
DEFAULT_WORDING = {
    "name": (_("Your name"), ""),
    "email": (
        _("Your email"),
        _("We write to you only about your request unless you agree to more below."),
    ),
    "organization": (_("Organization or group"), ""),
    "initiative": (
        _("Tell us a bit about your initiative"),
        _("Where it is, who is involved, and what stage it is at. An idea is welcome too."),
    ),
    "goals": (_("What are your goals in joining the community of practice?"), ""),
    "language": (_("Preferred language"), _("We will write to you in this language.")),
    "province": (_("Province or territory"), ""),
    "consent_contact": (
        _("I agree that the stewards may contact me by email about my request to join."),
        "",
    ),
    "consent_news": (
        _("Also send me the community's news and digests by email. I can unsubscribe at any time."),
        "",
    ),
}


class LimitedText(forms.CharField):
    """A text field kept exactly as typed, whose limit is enforced on the server.

    A browser ``maxlength`` silently cuts pasted text; people would lose words without knowing.
    Here the form comes back with everything they typed and a message stating the limit.
    Nothing is stripped either, but an answer of blank space does not count as an answer.
    """

    def __init__(self, *, max_length: int, **kwargs):
        kwargs.setdefault("strip", False)
        kwargs.setdefault(
            "error_messages",
            {
                "max_length": ngettext_lazy(
                    "Please shorten this to %(limit_value)d character or fewer (it has %(show_value)d).",
                    "Please shorten this to %(limit_value)d characters or fewer (it has %(show_value)d).",
                    "limit_value",
                )
            },
        )
        super().__init__(max_length=max_length, **kwargs)

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs.pop("maxlength", None)
        return attrs

    def validate(self, value):
        if self.required and not (value or "").strip():
            raise forms.ValidationError(self.error_messages["required"], code="required")
        super().validate(value)


class JoinRequestForm(forms.Form):
    name = LimitedText(max_length=200)
    email = forms.EmailField(
        max_length=254,
        error_messages={"invalid": _("Please enter an email address such as name@example.org.")},
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    organization = LimitedText(max_length=200, required=False)
    initiative = LimitedText(
        max_length=4000, required=False, widget=forms.Textarea(attrs={"rows": 5})
    )
    goals = LimitedText(max_length=4000, required=False, widget=forms.Textarea(attrs={"rows": 4}))
    language = forms.ChoiceField(choices=settings.LANGUAGES, widget=forms.RadioSelect)
    province = RegionField()
    consent_contact = forms.BooleanField(
        error_messages={"required": _("We need your agreement to write to you about your request.")}
    )
    consent_news = forms.BooleanField(required=False)
    # Left empty by people; filled in by bots that complete every field they find.
    website = forms.CharField(required=False, label=_("Leave this field empty"))
    started = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, questions: dict[str, JoinQuestion] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        questions = questions or {}
        for key, (label, help_text) in DEFAULT_WORDING.items():
            question = questions.get(key)
            self.fields[key].label = str((question.label if question else "") or label)
            self.fields[key].help_text = str((question.help if question else "") or help_text)
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["organization"].widget.attrs["autocomplete"] = "organization"
        self.fields["website"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})
        if not self.is_bound:
            self.initial["started"] = signing.dumps(time.time(), salt=FORM_STARTED_SALT)

    def clean_email(self) -> str:
        return self.cleaned_data["email"].strip().lower()

    def clean_started(self) -> float:
        try:
            started = float(signing.loads(self.cleaned_data["started"], salt=FORM_STARTED_SALT))
        except (signing.BadSignature, TypeError, ValueError):
            raise forms.ValidationError(
                _("This form has expired. Please check your answers and send it again."),
                code="expired",
            ) from None
        return started

    def clean(self):
        cleaned = super().clean() or {}
        started = cleaned.get("started")
        if started is not None and time.time() - started < settings.JOIN_FORM_MIN_SECONDS:
            # Too quick for a person to have read the questions; ask once more instead of
            # dropping it, in case it was a person with an autofilling browser. The timestamp
            # stays, so the second try goes through.
            raise forms.ValidationError(
                _("That was very quick! Please check your answers, then send the form again."),
                code="too_fast",
            )
        return cleaned

    @property
    def is_bot(self) -> bool:
        return bool(self.data.get("website"))

    def answers(self):
        from commonplace.membership.services import JoinAnswers

        data = self.cleaned_data
        return JoinAnswers(**{name: data[name] for name in JoinAnswers.__dataclass_fields__})

    def consent_wording(self) -> dict[str, str]:
        return {
            "contact": str(self.fields["consent_contact"].label),
            "news": str(self.fields["consent_news"].label),
        }


class NoteForm(forms.Form):
    message = LimitedText(
        max_length=10_000,
        label=_("Note for other stewards"),
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class DecisionMessageForm(forms.Form):
    message = LimitedText(max_length=5000, required=False, widget=forms.Textarea(attrs={"rows": 8}))
    send_message = forms.BooleanField(required=False, initial=True)


class QuestionForm(DecisionMessageForm):
    message = LimitedText(max_length=5000, widget=forms.Textarea(attrs={"rows": 8}))


class InformationAnswerForm(forms.Form):
    answer = LimitedText(
        max_length=4000, label=_("Your answer"), widget=forms.Textarea(attrs={"rows": 8})
    )


class JoinQuestionForm(forms.ModelForm):
    class Meta:
        model = JoinQuestion
        fields = ["label_en", "help_en", "label_fr", "help_fr"]
        widgets = {
            "label_en": forms.TextInput(attrs={"lang": "en"}),
            "help_en": forms.TextInput(attrs={"lang": "en"}),
            "label_fr": forms.TextInput(attrs={"lang": "fr"}),
            "help_fr": forms.TextInput(attrs={"lang": "fr"}),
        }


class StewardMessageForm(forms.ModelForm):
    class Meta:
        model = StewardMessage
        fields = ["body_en", "body_fr"]
        widgets = {
            "body_en": forms.Textarea(attrs={"rows": 8, "lang": "en"}),
            "body_fr": forms.Textarea(attrs={"rows": 8, "lang": "fr"}),
        }


class InvitationAcceptForm(forms.Form):
    name = LimitedText(max_length=150, label=_("Your name, as members will see it"))
    password1 = forms.CharField(
        label=_("Choose a password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html,
    )
    password2 = forms.CharField(
        label=_("Type the password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, email: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.email = email
        self.fields["name"].widget.attrs["autocomplete"] = "name"

    def clean(self):
        cleaned = super().clean() or {}
        first, second = cleaned.get("password1"), cleaned.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("The two passwords are not the same."))
        elif first:
            # The same rules as everywhere else on the site (allauth uses these validators).
            someone = User(email=self.email, name=cleaned.get("name", ""))
            try:
                password_validation.validate_password(first, someone)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class OnboardingProfileForm(forms.Form):
    in_directory = forms.ChoiceField(
        label=_("Show me in the member directory"),
        help_text=_(
            "Members can then find you by what you work on. You choose later, field by field, "
            "what they see, and you can change this at any time."
        ),
        choices=[("yes", _("Yes, list me")), ("no", _("Not now"))],
        widget=forms.RadioSelect,
        error_messages={"required": _("Please choose whether to be listed.")},
    )
    works_on = forms.MultipleChoiceField(
        required=False, label=_("Focus areas I work on"), widget=forms.CheckboxSelectMultiple
    )
    organization = LimitedText(max_length=200, required=False, label=_("Organization or group"))
    province = RegionField(label=_("Province or territory"))
    language = forms.ChoiceField(
        choices=settings.LANGUAGES,
        widget=forms.RadioSelect,
        label=_("Language for the site and email"),
    )
    initiative = LimitedText(
        max_length=4000,
        required=False,
        label=_("Your initiative or project"),
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    goals = LimitedText(
        max_length=4000,
        required=False,
        label=_("What you hope to learn or share here"),
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        set_choices(self, "works_on", term_choices(focus_areas()))

    def directory_wording(self) -> str:
        return f"{self.fields['in_directory'].label} — {self.fields['in_directory'].help_text}"


class DirectInvitationForm(forms.Form):
    name = LimitedText(max_length=150, label=_("Name"))
    email = forms.EmailField(label=_("Email"))
    language = forms.ChoiceField(
        choices=settings.LANGUAGES, widget=forms.RadioSelect, label=_("Language")
    )
    role = forms.ChoiceField(choices=Role.choices, initial=Role.MEMBER, label=_("Role"))

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip().lower()
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(_("Someone already has an account with this address."))
        return email
