"""`drmonitor`: one command line for the whole system.

Site commands set up Django lazily, so the observatory's commands (probe, verdict, helper, added
by the drm-observatory package) start without loading the site. A vantage point installs only
that package and runs the same commands as `drm-observatory`.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
from collections.abc import Sequence

from drm_observatory.cli import register as register_observatory

SITE_SETTINGS = "drmonitor.settings.dev"


def _django(argv: Sequence[str]) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", SITE_SETTINGS)
    from django.core.management import execute_from_command_line

    execute_from_command_line(["drmonitor", *argv])


def cmd_manage(args: argparse.Namespace) -> int:
    _django(args.rest)
    return 0


def cmd_setup(args: argparse.Namespace) -> int:
    """Bring the database, static files, the site's pages and demo content up to date; safe to
    repeat. Every install gets its home page and section tree; demo content only where the
    settings ask for it."""
    _django(["migrate", "--noinput", "-v", "0"])
    _django(["collectstatic", "--noinput", "-v", "0"])
    _django(["install_site"])
    from django.conf import settings

    if args.no_demo:
        return 0
    if not settings.DRM_DEMO_CONTENT:
        print("Demo content and accounts are not loaded under these settings (DRM_DEMO_CONTENT).")
        return 0
    _django(["load_demo"])
    return 0


def cmd_import_wordpress(args: argparse.Namespace) -> int:
    _django(["import_wordpress", *args.rest])
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    _django(["backup", args.file])
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    _django(["backup", "--restore", args.file])
    return 0


def cmd_worker(args: argparse.Namespace) -> int:
    _django(["run_worker"])
    return 0


def cmd_run(args: argparse.Namespace) -> int:
    """Set up, then serve the site with gunicorn beside the background worker."""
    cmd_setup(args)
    port = os.environ.get("PORT", "8000")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": os.environ.get("DJANGO_SETTINGS_MODULE", SITE_SETTINGS),
    }
    worker = subprocess.Popen([sys.executable, "-m", "drmonitor.cli", "worker"], env=env)
    workers = os.environ.get("WEB_CONCURRENCY", str(2 * (os.cpu_count() or 1) + 1))
    server = subprocess.Popen(  # noqa: S603 - our own interpreter and fixed arguments
        [
            sys.executable,
            "-m",
            "gunicorn",
            "drmonitor.wsgi:application",
            "--config",
            "python:drmonitor.gunicorn_conf",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            workers,
            "--access-logfile",
            "-",
        ],
        env=env,
    )
    print(f"\nDigital Rights Monitor is at http://127.0.0.1:{port}/ (Ctrl-C stops it)")
    print(f"Admin: http://127.0.0.1:{port}/admin/ — the accounts are listed above.\n", flush=True)

    def stop(*_: object) -> None:
        for process in (server, worker):
            process.terminate()

    signal.signal(signal.SIGTERM, stop)
    try:
        return server.wait()
    except KeyboardInterrupt:
        stop()
        return 0
    finally:
        stop()
        worker.wait(timeout=10)


def _site_commands(sub: argparse._SubParsersAction) -> None:
    run = sub.add_parser("run", help="set up and serve the site with demo content")
    run.add_argument("--no-demo", action="store_true", help="do not load demo content")
    run.set_defaults(func=cmd_run)
    setup = sub.add_parser(
        "setup", help="migrate, collect static files, create the home page, load demo content"
    )
    setup.add_argument("--no-demo", action="store_true")
    setup.set_defaults(func=cmd_setup)
    sub.add_parser(
        "worker", help="run background work (scheduled publishing, e-mail)"
    ).set_defaults(func=cmd_worker)
    wordpress = sub.add_parser(
        "import-wordpress",
        help="import a WordPress export: EXPORT.xml [--uploads DIR | --media-base URL] "
        "[--dry-run] (--help for all)",
        add_help=False,
    )
    wordpress.add_argument("rest", nargs=argparse.REMAINDER)
    wordpress.set_defaults(func=cmd_import_wordpress, passes_options_on=True)
    backup = sub.add_parser("backup", help="copy the database and uploads to FILE (.tar.gz)")
    backup.add_argument("file")
    backup.set_defaults(func=cmd_backup)
    restore = sub.add_parser("restore", help="bring back the database and uploads from FILE")
    restore.add_argument("file")
    restore.set_defaults(func=cmd_restore)
    manage = sub.add_parser("manage", help="run a Django management command")
    manage.add_argument("rest", nargs=argparse.REMAINDER)
    manage.set_defaults(func=cmd_manage)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="drmonitor", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    _site_commands(sub)
    register_observatory(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    # A command that hands its options to Django's command parser gets them all, --help too.
    args, unknown = parser.parse_known_args(argv)
    if unknown and not getattr(args, "passes_options_on", False):
        parser.error(f"unrecognized arguments: {' '.join(unknown)}")
    if unknown:
        args.rest = [*unknown, *args.rest]
    return int(args.func(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
