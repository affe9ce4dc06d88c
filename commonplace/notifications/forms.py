from django import forms

from commonplace.notifications.kinds import Kind


class EmailChoicesForm(forms.Form):
    """One "email me" checkbox per registered kind of notification."""

    def __init__(self, *args, kinds: list[Kind], current: dict[str, bool], **kwargs):
        super().__init__(*args, **kwargs)
        self.kind_of_field: dict[str, str] = {}
        for kind in kinds:
            # Field names become HTML ids; a key's dots would need escaping in CSS selectors.
            name = "email-" + kind.key.replace(".", "-")
            self.fields[name] = forms.BooleanField(
                required=False, label=str(kind.label), initial=current.get(kind.key, True)
            )
            self.kind_of_field[name] = kind.key

    def choices(self) -> dict[str, bool]:
        """The kind keys and whether to email, once the form is valid."""
        return {key: self.cleaned_data[name] for name, key in self.kind_of_field.items()}
