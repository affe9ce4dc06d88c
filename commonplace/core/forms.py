from django import forms
from django.utils.translation import gettext_lazy as _

from commonplace.core import selectors
from commonplace.core.models import Community, Page


def region_choices() -> list[tuple[str, str]]:
    return [("", str(_("Prefer not to say")))] + [
        (region.slug, str(region.name)) for region in selectors.regions()
    ]


def term_choices(terms) -> list[tuple[str, str]]:
    return [(term.slug, str(term.name)) for term in terms]


def set_choices(form: forms.Form, name: str, choices) -> None:
    """Give a choice field its options when the form is made (the vocabulary is data)."""
    field = form.fields[name]
    assert isinstance(field, forms.ChoiceField)
    field.choices = choices


class RegionField(forms.ChoiceField):
    """A province or territory from the community's list, read when the form is shown."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(choices=region_choices, **kwargs)


class PageForm(forms.ModelForm):
    class Meta:
        model = Page
        fields = ["title_en", "body_en", "title_fr", "body_fr"]
        widgets = {
            "body_en": forms.Textarea(attrs={"rows": 18, "lang": "en"}),
            "body_fr": forms.Textarea(attrs={"rows": 18, "lang": "fr"}),
            "title_en": forms.TextInput(attrs={"lang": "en"}),
            "title_fr": forms.TextInput(attrs={"lang": "fr"}),
        }
        help_texts = {
            "body_en": _("Markdown: **bold**, *italic*, [link](https://…), ## heading, - list."),
            "body_fr": _("Markdown: **bold**, *italic*, [link](https://…), ## heading, - list."),
        }


class CommunityForm(forms.ModelForm):
    class Meta:
        model = Community
        fields = ["name_en", "tagline_en", "name_fr", "tagline_fr"]
        widgets = {
            "name_en": forms.TextInput(attrs={"lang": "en"}),
            "tagline_en": forms.TextInput(attrs={"lang": "en"}),
            "name_fr": forms.TextInput(attrs={"lang": "fr"}),
            "tagline_fr": forms.TextInput(attrs={"lang": "fr"}),
        }


class TermForm(forms.ModelForm):
    class Meta:
        fields = ["name_en", "name_fr", "position", "is_active"]
        widgets = {
            "name_en": forms.TextInput(attrs={"lang": "en"}),
            "name_fr": forms.TextInput(attrs={"lang": "fr"}),
        }

    def save(self, commit=True):
        term = super().save(commit=False)
        if not term.slug:
            term.slug = unique_slug(type(term), term.name_en)
        if commit:
            term.save()
        return term


def unique_slug(model, name: str) -> str:
    from django.utils.text import slugify

    base = slugify(name)[:50] or "term"
    slug, number = base, 2
    while model.objects.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


def term_formset(model):
    """A page of terms of one taxonomy, with one empty row to add a new one."""
    return forms.modelformset_factory(model, form=TermForm, extra=1, can_delete=False)
