from django.urls import path

from drmonitor.readership import views

app_name = "readership"

urlpatterns = [path("read/<int:page_id>/", views.read, name="read")]
