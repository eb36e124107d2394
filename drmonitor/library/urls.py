from django.urls import re_path

from drmonitor.library import views

app_name = "library"

# Ids of at most 18 digits: a longer number does not fit the database's integer, and asking for
# it would be an error rather than "not found".
ID = r"(?P<pk>[0-9]{1,18})"

urlpatterns = [
    re_path(rf"^documents/{ID}/$", views.document_page, name="document"),
    re_path(rf"^cite/{ID}\.bib$", views.citation, {"style": "bib"}, name="bibtex"),
    re_path(rf"^cite/{ID}\.ris$", views.citation, {"style": "ris"}, name="ris"),
]
