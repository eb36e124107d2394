"""`drmonitor import-wordpress EXPORT.xml [--uploads DIR | --media-base URL] [--dry-run]`."""

from __future__ import annotations

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site

from drmonitor.wordpress.importer import Options, import_wordpress, plan_sections
from drmonitor.wordpress.mapping import MappingError, read_mapping, write_mapping
from drmonitor.wordpress.wxr import ExportError, read_export


class Command(BaseCommand):
    help = (
        "Import a WordPress export (Tools > Export > All content): categories as sections, "
        "tags, authors, posts with their pictures, and a redirect for every old address. "
        "Running it again updates what changed and adds what is new."
    )

    def add_arguments(self, parser):
        parser.add_argument("export", type=Path, help="the WXR file WordPress exported")
        source = parser.add_mutually_exclusive_group()
        source.add_argument(
            "--uploads", type=Path, help="a copy of the old site's wp-content/uploads folder"
        )
        source.add_argument(
            "--media-base",
            default="",
            help="the address of the old site's uploads folder, e.g. "
            "https://old.example.org/wp-content/uploads",
        )
        parser.add_argument("--dry-run", action="store_true", help="check; write nothing")
        parser.add_argument(
            "--mapping", type=Path, help="YAML file: WordPress category -> section (see below)"
        )
        parser.add_argument(
            "--write-mapping",
            type=Path,
            help="write the proposed category -> section mapping to this file and stop",
        )
        parser.add_argument(
            "--report", type=Path, help="write the whole report here (the screen gets a summary)"
        )

    def handle(self, *args, export: Path, **options):
        if options["uploads"] is not None and not options["uploads"].is_dir():
            raise CommandError(f"--uploads {options['uploads']} is not a folder")
        if options["media_base"] and not options["media_base"].startswith(("http://", "https://")):
            raise CommandError("--media-base must be an http:// or https:// address")
        mapping = None
        if options["mapping"] is not None:
            try:
                mapping = read_mapping(options["mapping"])
            except MappingError as error:
                raise CommandError(str(error)) from error
        if options["write_mapping"] is not None:
            return self.write_mapping(export, options["write_mapping"], mapping)

        def progress(done: int, total: int) -> None:
            if sys.stderr.isatty():
                sys.stderr.write(f"\r{done}/{total} items")
                sys.stderr.flush()

        report = import_wordpress(
            export,
            Options(
                uploads=options["uploads"],
                media_base=options["media_base"],
                dry_run=options["dry_run"],
                mapping=mapping,
                progress=progress if options["verbosity"] >= 1 else None,
            ),
        )
        if sys.stderr.isatty():
            sys.stderr.write("\n")
        if report.file_error:
            raise CommandError(report.summary())
        if options["report"] is not None:
            options["report"].write_text(report.as_text(limit=None), encoding="utf-8")
            self.stdout.write(report.summary())
            self.stdout.write(f"The whole report: {options['report']}")
        else:
            self.stdout.write(report.as_text())

    def write_mapping(self, export: Path, out: Path, chosen: dict[str, str] | None) -> None:
        try:
            parsed = read_export(str(export))
        except (ExportError, OSError) as error:
            raise CommandError(f"Cannot read {export}: {error}") from error
        home = Site.objects.get(is_default_site=True).root_page
        out.write_text(write_mapping(plan_sections(parsed, home, chosen)), encoding="utf-8")
        self.stdout.write(f"Wrote {out}: edit it, then import with --mapping {out}")
