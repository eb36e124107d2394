from django.urls import path, re_path

from drmonitor.tracker import feeds, follow_views, views

app_name = "tracker"
urlpatterns = [
    path("incidents/", views.incident_list, name="incidents"),
    path("incidents/<slug:slug>/", views.incident_detail, name="incident"),
    path("incidents/<slug:slug>/feed/", feeds.IncidentTimelineFeed(), name="incident_feed"),
    path("incidents/<slug:slug>/hearings.ics", feeds.incident_calendar, name="incident_ical"),
    re_path(
        r"^incidents/(?P<slug>[-\w]+)/cite\.(?P<fmt>bib|json)$",
        views.cite_incident,
        name="cite_incident",
    ),
    path("incidents/<slug:slug>/follow/", follow_views.follow_incident, name="follow_incident"),
    path("cases/", views.case_list, name="cases"),
    path("cases/<slug:slug>/", views.case_detail, name="case"),
    path("cases/<slug:slug>/feed/", feeds.CaseTimelineFeed(), name="case_feed"),
    path("cases/<slug:slug>/hearings.ics", feeds.case_calendar, name="case_ical"),
    re_path(r"^cases/(?P<slug>[-\w]+)/cite\.(?P<fmt>bib|json)$", views.cite_case, name="cite_case"),
    path("cases/<slug:slug>/follow/", follow_views.follow_case, name="follow_case"),
    path("hearings/upcoming/", views.upcoming_hearings, name="upcoming_hearings"),
    path("hearings/upcoming.ics", feeds.upcoming_calendar, name="upcoming_ical"),
    path("services/", views.service_list, name="services"),
    path("services/<slug:slug>/", views.service_detail, name="service"),
    path("actors/", views.actor_list, name="actors"),
    path("actors/<slug:slug>/", views.actor_detail, name="actor"),
    path("follows/unfollow/<str:token>/", follow_views.unfollow_by_token, name="unfollow_token"),
]
