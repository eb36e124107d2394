from django.urls import path

from drmonitor.library import views

app_name = "library"

urlpatterns = [
    path("documents/<int:pk>/", views.document_page, name="document"),
    path("cite/<int:pk>.bib", views.citation, {"style": "bib"}, name="bibtex"),
    path("cite/<int:pk>.ris", views.citation, {"style": "ris"}, name="ris"),
]
