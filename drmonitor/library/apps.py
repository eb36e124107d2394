from drmonitor.core import site_app


class LibraryConfig(site_app.SiteApp):
    name = "drmonitor.library"
    label = "library"
    verbose_name = "Resources library"

    def ready(self) -> None:
        from django.db.models.signals import post_save
        from wagtail.documents import get_document_model

        from drmonitor.library.models import reindex_entries_using

        super().ready()
        post_save.connect(
            lambda instance, raw=False, **kwargs: raw or reindex_entries_using(instance),
            sender=get_document_model(),
            weak=False,
            dispatch_uid="library-reindex-on-document-save",
        )
