"""Readers' playlists: the list page, a playlist's page, and the forms that change them.

Every view here shows something personal (the reader's own playlists, controls for their
owner) or a playlist that its owner may make private at any moment, so none may be kept by a
shared cache: urls.py wraps each in never_cache. Every change is a POST with a CSRF token that
redirects (no JavaScript needed); `add` also answers JSON, so the control under an article can
add with one click and no reload (static/js/playlists.js).
"""

from __future__ import annotations

from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from drmonitor.playlists.forms import AddToPlaylistForm, PlaylistForm, readable_page
from drmonitor.playlists.models import Playlist

PUBLIC_LISTED = 50


def wants_json(request: HttpRequest) -> bool:
    """The page's script asks for JSON; a plain form or link asks for HTML."""
    return request.headers.get("Accept", "").startswith("application/json")


def signed_in(view):
    """login_required, but a script's request gets a JSON 401 instead of the login page."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if request.user.is_authenticated:
            return view(request, *args, **kwargs)
        if wants_json(request):
            login = reverse("accounts:login")
            return JsonResponse({"signed_in": False, "login_url": login}, status=401)
        return redirect_to_login(request.get_full_path())

    return wrapper


def _visible(request: HttpRequest, pk: int) -> Playlist:
    """A playlist this reader may see; a private one of someone else does not exist for them."""
    return get_object_or_404(Playlist.objects.visible_to(request.user), pk=pk)


def _own(request: HttpRequest, pk: int) -> Playlist:
    return get_object_or_404(Playlist.objects.owned_by(request.user), pk=pk)


def index(request: HttpRequest) -> HttpResponse:
    """Featured playlists, the reader's own, and the newest public ones from readers."""
    own = list(Playlist.objects.owned_by(request.user).listed())
    others = Playlist.objects.public().filter(is_featured=False).exclude(pk__in=[p.pk for p in own])
    context = {
        "featured": Playlist.objects.featured().listed(),
        "own": own,
        "public": others.listed()[:PUBLIC_LISTED],
    }
    return render(request, "playlists/index.html", context)


def detail(request: HttpRequest, pk: int) -> HttpResponse:
    playlist = _visible(request, pk)
    context = {
        "playlist": playlist,
        "items": playlist.shown_items(),
        "is_owner": playlist.is_owned_by(request.user),
        "share_url": request.build_absolute_uri(playlist.get_absolute_url()),
    }
    return render(request, "playlists/detail.html", context)


@signed_in
def new(request: HttpRequest) -> HttpResponse:
    """Add New Playlist; with ?page=ID (or a `page` field) the page goes in at once."""
    page = readable_page(request.POST.get("page") or request.GET.get("page"))
    form = PlaylistForm(request.POST or None, owner=request.user)
    if request.method == "POST" and form.is_valid():
        playlist = form.save()
        message = f"Your playlist “{playlist.title}” is made."
        if page is not None:
            playlist.add(page)
            message = f"Your playlist “{playlist.title}” is made, with “{page.title}” in it."
        messages.success(request, message)
        return redirect(playlist)
    return render(request, "playlists/form.html", {"form": form, "page": page, "playlist": None})


@signed_in
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Rename, describe, make public or private."""
    playlist = _own(request, pk)
    form = PlaylistForm(request.POST or None, instance=playlist, owner=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        visibility = "public: anyone with the link" if playlist.is_public else "private: only you"
        messages.success(request, f"Saved. “{playlist.title}” is {visibility} can see it.")
        return redirect(playlist)
    return render(request, "playlists/form.html", {"form": form, "playlist": playlist})


@signed_in
def delete(request: HttpRequest, pk: int) -> HttpResponse:
    playlist = _own(request, pk)
    if request.method == "POST":
        title = playlist.title
        playlist.delete()
        messages.success(request, f"Your playlist “{title}” is deleted.")
        return redirect("playlists:index")
    return render(request, "playlists/delete.html", {"playlist": playlist})


@signed_in
@require_POST
def move(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    """One place up or down (`direction`), for readers without JavaScript as for everyone."""
    playlist = _own(request, pk)
    item = get_object_or_404(playlist.items, pk=item_pk)
    step = {"up": -1, "down": 1}.get(request.POST.get("direction", ""))
    if step is None:
        raise Http404("No such direction.")
    playlist.move(item, step)
    return redirect(f"{playlist.get_absolute_url()}#item-{item.pk}")


@signed_in
@require_POST
def remove(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    playlist = _own(request, pk)
    item = get_object_or_404(playlist.items.select_related("page"), pk=item_pk)
    playlist.remove(item)
    messages.success(request, f"“{item.page.title}” is removed from “{playlist.title}”.")
    return redirect(playlist)


def _choices(request: HttpRequest, page) -> list[dict]:
    """The reader's playlists for the control: newest changed first, marking those that hold
    the page already."""
    playlists = Playlist.objects.owned_by(request.user).listed()
    holding = set(playlists.filter(items__page=page).values_list("pk", flat=True))
    return [
        {
            "id": playlist.pk,
            "title": playlist.title,
            "url": playlist.get_absolute_url(),
            "public": playlist.is_public,
            "contains": playlist.pk in holding,
        }
        for playlist in playlists
    ]


@signed_in
def add(request: HttpRequest) -> HttpResponse:
    """Put a page into a playlist. GET: the choice (HTML, or JSON for the page's script with
    a CSRF token, since the page it runs on may be a cached one). POST: add it."""
    if request.method == "POST":
        return _add(request)
    page = readable_page(request.GET.get("page"))
    if page is None:
        if wants_json(request):
            return JsonResponse({"error": "This page cannot be added."}, status=404)
        raise Http404("No published page with this id.")
    if wants_json(request):
        return JsonResponse(
            {
                "signed_in": True,
                "csrf_token": get_token(request),
                "page": {"id": page.pk, "title": page.title},
                "playlists": _choices(request, page),
                "action": reverse("playlists:add"),
            }
        )
    form = AddToPlaylistForm(initial={"page": page.pk}, reader=request.user)
    return render(request, "playlists/add.html", {"form": form, "page": page})


def _add(request: HttpRequest) -> HttpResponse:
    form = AddToPlaylistForm(request.POST, reader=request.user)
    added = False
    if form.is_valid():
        page = form.cleaned_data["page"]
        try:
            playlist = form.target()
            _item, added = playlist.add(page)
        except ValidationError as error:
            form.add_error(None, error)
    if form.errors:
        if wants_json(request):
            errors = {name: list(texts) for name, texts in form.errors.items()}
            message = " ".join(text for texts in errors.values() for text in texts)
            return JsonResponse({"errors": errors, "message": message}, status=400)
        page = readable_page(request.POST.get("page"))
        if page is None:
            raise Http404("No published page with this id.")
        return render(request, "playlists/add.html", {"form": form, "page": page}, status=400)
    if added:
        message = f"“{page.title}” is added to “{playlist.title}”."
    else:
        message = f"“{page.title}” is already in “{playlist.title}”."
    if wants_json(request):
        return JsonResponse(
            {
                "added": added,
                "message": message,
                "playlist": {
                    "id": playlist.pk,
                    "title": playlist.title,
                    "url": playlist.get_absolute_url(),
                },
            }
        )
    messages.success(request, message)
    return redirect(playlist)
