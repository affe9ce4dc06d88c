from django import forms
from django.utils.translation import gettext_lazy as _

from commonplace.core.models import Community, Page


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
