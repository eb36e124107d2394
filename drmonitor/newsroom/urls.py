from django.urls import path

from drmonitor.newsroom import views

app_name = "newsroom"
urlpatterns = [
    path("tag/<str:slug>/", views.tag, name="tag"),
    path("author/<str:slug>/", views.author, name="author"),
    path("archive/", views.latest_archive, name="archive"),
    path("archive/<int:year>/", views.archive, name="archive_year"),
    path("archive/<int:year>/<int:month>/", views.archive, name="archive_month"),
]
