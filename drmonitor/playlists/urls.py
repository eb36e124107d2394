"""Playlists' addresses: (route, view, name) for each page, none of them ever cached (see
views.py), so the rule is written once."""

from django.urls import path
from django.views.decorators.cache import never_cache

from drmonitor.playlists import views

app_name = "playlists"
PAGES = [
    ("", views.index, "index"),
    ("new/", views.new, "new"),
    ("add/", views.add, "add"),
    ("<int:pk>/", views.detail, "detail"),
    ("<int:pk>/edit/", views.edit, "edit"),
    ("<int:pk>/delete/", views.delete, "delete"),
    ("<int:pk>/items/<int:item_pk>/move/", views.move, "move"),
    ("<int:pk>/items/<int:item_pk>/remove/", views.remove, "remove"),
]
urlpatterns = [path(route, never_cache(view), name=name) for route, view, name in PAGES]
