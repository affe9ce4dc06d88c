import re
from collections.abc import Sequence

from django import forms
from django.utils.translation import gettext_lazy as _

from commonplace.accounts.models import User
from commonplace.conversations.forms import offer_mentions
from commonplace.membership.forms import LimitedText
from commonplace.private_messages.models import BODY_MAX_LENGTH, SUBJECT_MAX_LENGTH

# What the "@" suggestions insert: a Markdown link to the member's page, which names them
# without doubt even when two members share a name.
CHOSEN = re.compile(r"^\[@[^\]\n]{1,150}\]\(/(?:en|fr)/people/(\d{1,12})/\)$")
MESSAGE_HELP = _("Markdown: **bold**, *italic*, [link](https://…), > quote, - list.")


class MessageForm(forms.Form):
    body = LimitedText(
        max_length=BODY_MAX_LENGTH,
        label=_("Your message"),
        help_text=MESSAGE_HELP,
        widget=forms.Textarea(attrs={"rows": 6}),
    )


class ConversationForm(forms.Form):
    """Who to write to, a subject and the first message.

    People come two ways, both usable without JavaScript: ``chosen`` ticks the people already
    picked (the member whose page the writer came from), and ``others`` takes names typed one
    per line, where typing "@" offers names to pick from.
    """

    chosen = forms.TypedMultipleChoiceField(
        coerce=int,
        required=False,
        label=_("To"),
        widget=forms.CheckboxSelectMultiple,
    )
    others = LimitedText(
        max_length=4000,
        required=False,
        label=_("Write to"),
        help_text=_(
            "One member's name per line. Type @ and the first letters of a name to pick it from "
            "a list."
        ),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    subject = LimitedText(max_length=SUBJECT_MAX_LENGTH, label=_("Subject"))
    body = LimitedText(
        max_length=BODY_MAX_LENGTH,
        label=_("Your message"),
        help_text=MESSAGE_HELP,
        widget=forms.Textarea(attrs={"rows": 8}),
    )

    def __init__(self, *args, chosen_people: Sequence[User] = (), findable, **kwargs):
        """``chosen_people`` are offered ticked; ``findable`` is a queryset of the accounts a
        typed name may find (members listed in the directory)."""
        super().__init__(*args, **kwargs)
        self.findable = findable
        self.chosen_people = {person.pk: person for person in chosen_people}
        self.fields["chosen"].choices = [  # type: ignore[attr-defined]
            (person.pk, person.display_name) for person in chosen_people
        ]
        self.fields["chosen"].initial = list(self.chosen_people)
        if not chosen_people:
            del self.fields["chosen"]
            self.fields["others"].required = True
        else:
            self.fields["others"].label = _("Add others (optional)")
        offer_mentions(self.fields["others"])
        self.fields["others"].widget.attrs["data-mentions-label"] = str(
            _("Members you can write to")
        )

    def clean_subject(self) -> str:
        subject = self.cleaned_data["subject"]
        if "\n" in subject or "\r" in subject:
            return " ".join(subject.split())
        return subject

    def clean_others(self) -> list[User]:
        found: list[User] = []
        unknown: list[str] = []
        several: list[str] = []
        for line in (self.cleaned_data["others"] or "").splitlines():
            line = line.strip()
            if not line:
                continue
            if match := CHOSEN.match(line):
                person = self.findable.filter(pk=int(match.group(1))).first()
                people = [person] if person else []
            else:
                name = " ".join(line.removeprefix("@").split())
                people = list(self.findable.filter(name__iexact=name)[:2])
            if not people:
                unknown.append(line)
            elif len(people) > 1:
                several.append(line)
            else:
                found.append(people[0])
        if unknown:
            raise forms.ValidationError(
                _("We found no member by this name: %(names)s"),
                params={"names": ", ".join(unknown[:5])},
                code="unknown",
            )
        if several:
            raise forms.ValidationError(
                _(
                    "More than one member has this name: %(names)s. Type @ and pick the one you "
                    "mean from the list, or write to them from their page in the directory."
                ),
                params={"names": ", ".join(several[:5])},
                code="ambiguous",
            )
        return found

    def recipients(self) -> list[User]:
        ticked = [self.chosen_people[pk] for pk in self.cleaned_data.get("chosen") or []]
        return [*ticked, *self.cleaned_data.get("others", [])]
