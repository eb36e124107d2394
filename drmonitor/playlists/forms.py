"""The forms readers fill in: a playlist's name and visibility, and which playlist a page
goes into."""

from __future__ import annotations

from django import forms
from wagtail.models import Page

from drmonitor.playlists.models import MAX_PLAYLISTS_PER_READER, Playlist


class PlaylistForm(forms.ModelForm):
    class Meta:
        model = Playlist
        fields = ["title", "description", "is_public"]
        labels = {"title": "Name", "is_public": "Public: anyone with the link can see it"}
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, owner=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.owner = owner

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk is None and self.owner is not None:
            if Playlist.objects.owned_by(self.owner).count() >= MAX_PLAYLISTS_PER_READER:
                raise forms.ValidationError(
                    f"You have {MAX_PLAYLISTS_PER_READER} playlists, the most a reader may "
                    "keep. Delete one to make another."
                )
        if not cleaned.get("is_public"):
            self.instance.is_featured = False  # only a public playlist is featured
        return cleaned

    def save(self, commit: bool = True) -> Playlist:
        if self.instance.pk is None:
            self.instance.owner = self.owner
        return super().save(commit)


def readable_page(page_id: object) -> Page | None:
    """The live page readers may open (no view restriction) with this id, as its own type."""
    try:
        pk = int(page_id)
    except (TypeError, ValueError):
        return None
    page = Page.objects.live().public().filter(pk=pk, depth__gt=1).first()
    return page.specific if page is not None else None


class AddToPlaylistForm(forms.Form):
    """Put a page into one of the reader's playlists, or into a new one named here."""

    page = forms.IntegerField(widget=forms.HiddenInput)
    playlist = forms.ModelChoiceField(
        queryset=Playlist.objects.none(),
        required=False,
        empty_label=None,
        widget=forms.RadioSelect,
        label="Your playlists",
    )
    new_title = forms.CharField(
        label="Or a new playlist named", max_length=120, required=False, strip=True
    )

    def __init__(self, *args, reader, **kwargs):
        super().__init__(*args, **kwargs)
        self.reader = reader
        self.fields["playlist"].queryset = Playlist.objects.owned_by(reader)

    def clean_page(self) -> Page:
        page = readable_page(self.cleaned_data["page"])
        if page is None:
            raise forms.ValidationError("This page cannot be added: it is not published.")
        return page

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("playlist") and not cleaned.get("new_title"):
            if "playlist" not in self.errors and "new_title" not in self.errors:
                self.add_error("new_title", "Choose one of your playlists or name a new one.")
        return cleaned

    def target(self) -> Playlist:
        """The new playlist when one is named (made here, private), else the chosen one."""
        if not self.cleaned_data.get("new_title"):
            return self.cleaned_data["playlist"]
        form = PlaylistForm({"title": self.cleaned_data["new_title"]}, owner=self.reader)
        if not form.is_valid():
            raise forms.ValidationError(form.errors.get("__all__") or form.errors.get("title"))
        return form.save()
