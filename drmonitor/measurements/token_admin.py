"""Probe tokens in the admin: editors issue one per probe, see its secret once, revoke it.

The secret is shown on the page that answers the form, never put in a message or a session:
after that page only its digest exists.
"""

from django.template.response import TemplateResponse
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from drmonitor.measurements.tokens import ProbeToken


class IssueView(generic.CreateView):
    def save_instance(self):
        self.secret = self.form.instance.new_secret()
        return super().save_instance()

    def save_action(self):
        return TemplateResponse(
            self.request,
            "measurements/token_issued.html",
            {"token": self.object, "secret": self.secret, "index_url": self.get_success_url()},
        )


class ProbeTokenViewSet(ModelViewSet):
    model = ProbeToken
    icon = "key"
    menu_label = "Probe tokens"
    add_to_settings_menu = True
    form_fields = ["name", "revoked"]
    list_display = ["name", "created_at", "last_used_at", "revoked"]
    list_filter = ["revoked"]
    add_view_class = IssueView
    copy_view_enabled = False  # a copy would share nothing but the name


probe_tokens = ProbeTokenViewSet("probe_tokens")
