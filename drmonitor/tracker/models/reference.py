"""The things incidents and cases point at: countries, networks, services, actors, laws, sources."""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.text import slugify
from wagtail.admin.panels import FieldPanel, FieldRowPanel

from drmonitor.core.fields import optional_link
from drmonitor.tracker.vocab import ActorKind, SourceKind, SourceLanguage


class SlugFromNameMixin(models.Model):
    """Records with a public page get a slug from their name unless an editor gives one."""

    slug_source = "name"

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self._free_slug(slugify(getattr(self, self.slug_source))[:90] or "record")
        super().save(*args, **kwargs)

    def _free_slug(self, base: str) -> str:
        """`base`, or `base-2`, `base-3`... when another record has it already."""
        taken = set(
            type(self)
            .objects.filter(slug__startswith=base)
            .exclude(pk=self.pk)
            .values_list("slug", flat=True)
        )
        slug, n = base, 1
        while slug in taken:
            n += 1
            slug = f"{base}-{n}"
        return slug


class Country(models.Model):
    code = models.CharField(
        "ISO code", max_length=2, unique=True, help_text="ISO 3166-1 alpha-2, e.g. PK."
    )
    name = models.CharField(max_length=100, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "countries"

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.code = self.code.upper()
        super().save(*args, **kwargs)


class Network(models.Model):
    """An operator's network, identified by its autonomous system number when known."""

    name = models.CharField(max_length=200, help_text="Operator name, e.g. Jazz (PMCL).")
    asn = models.PositiveIntegerField(
        "ASN", null=True, blank=True, unique=True, help_text="Without the AS prefix, e.g. 45669."
    )
    country = models.ForeignKey(Country, null=True, blank=True, on_delete=models.SET_NULL)
    kind = models.CharField(
        max_length=20,
        blank=True,
        choices=[("mobile", "Mobile"), ("broadband", "Broadband"), ("backbone", "Backbone")],
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        if self.asn and f"AS{self.asn}" not in self.name:
            return f"{self.name} (AS{self.asn})"
        return self.name


class Service(SlugFromNameMixin):
    """A platform or app people lose when it is blocked: X, YouTube, Signal, Bluesky..."""

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True, blank=True)
    domains = models.TextField(
        blank=True, help_text="One domain per line, e.g. x.com and twimg.com for X."
    )
    website = models.URLField(blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def domain_list(self) -> list[str]:
        return [line.strip() for line in self.domains.splitlines() if line.strip()]

    def get_absolute_url(self) -> str:
        return reverse("tracker:service", kwargs={"slug": self.slug})


class Actor(SlugFromNameMixin):
    """Anyone who orders, decides, petitions, responds, signs or campaigns."""

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=100, unique=True, blank=True)
    short_name = models.CharField(max_length=50, blank=True, help_text="e.g. PTA, MoI, NCCIA.")
    kind = models.CharField(max_length=20, choices=ActorKind.choices)
    country = models.ForeignKey(Country, null=True, blank=True, on_delete=models.SET_NULL)
    website = models.URLField(blank=True)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.short_name})" if self.short_name else self.name

    def get_absolute_url(self) -> str:
        return reverse("tracker:actor", kwargs={"slug": self.slug})


class Law(models.Model):
    """A law or legal instrument, or one provision of it (PECA s.37, PTA Act s.54(3))."""

    title = models.CharField(max_length=255, unique=True)
    short_title = models.CharField(max_length=100, blank=True, help_text="e.g. PECA s.37")
    jurisdiction = models.ForeignKey(Country, null=True, blank=True, on_delete=models.SET_NULL)
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    url = models.URLField("URL", blank=True, max_length=500)

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.short_title or self.title


class Source(models.Model):
    """One public document that backs a fact. Shared: one URL may back several records.

    Cited as a researcher cites it: who published what, when, in which language, when we read
    it, and a copy that survives the original (an uploaded PDF or HTML snapshot, or an archive
    URL), because news pages move and court orders vanish.
    """

    url = models.URLField("URL", max_length=2000, unique=True)
    kind = models.CharField(max_length=20, choices=SourceKind.choices, default=SourceKind.NEWS)
    title = models.CharField(max_length=300, blank=True)
    publisher = models.CharField(max_length=200, blank=True, help_text="e.g. Dawn, OONI.")
    author = models.CharField(
        max_length=200, blank=True, help_text="As printed; several separated by semicolons."
    )
    date = models.DateField(
        "date published", null=True, blank=True, help_text="Publication date of the source."
    )
    accessed_on = models.DateField(
        "date accessed", null=True, blank=True, help_text="When we last read it at its URL."
    )
    language = models.CharField(
        max_length=10, choices=SourceLanguage.choices, default=SourceLanguage.ENGLISH
    )
    archive_url = models.URLField(
        "archived copy (URL)",
        max_length=500,
        blank=True,
        help_text="A copy in a public archive, e.g. https://web.archive.org/web/2024…/…",
    )
    archived_copy = optional_link(
        "wagtaildocs.Document",
        help_text="An uploaded PDF or HTML snapshot of the page as we read it.",
    )

    panels = [
        FieldPanel("url"),
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("language")]),
        FieldRowPanel([FieldPanel("publisher"), FieldPanel("author")]),
        FieldRowPanel([FieldPanel("date"), FieldPanel("accessed_on")]),
        FieldPanel("archive_url"),
        FieldPanel("archived_copy"),
    ]

    class Meta:
        ordering = ["-date", "url"]

    def __str__(self) -> str:
        return self.title or self.url

    @property
    def archive_link(self) -> str:
        """Where a reader finds the copy we keep, when the original is gone."""
        if self.archived_copy_id:
            return self.archived_copy.url
        return self.archive_url
