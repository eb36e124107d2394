"""The observatory runs at vantage points without the site: nothing of it may pull in Django.

Three ways it could: a module importing Django or the site, a requirement whose own
requirements bring Django, or code importing a package its distribution does not declare (the
probe would then work here, where the site installed that package, and fail at a vantage point).
"""

from __future__ import annotations

import ast
import importlib.metadata as metadata
import pkgutil
import subprocess
import sys
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

import drm_observatory

DISTRIBUTION = "drm-observatory"
PACKAGE = Path(drm_observatory.__file__).parent
TESTS = Path(__file__).parent
# Test support shipped in the package; what they import comes with the `test` extra.
TEST_SUPPORT = ("lab", "testing")
STORE = "store"  # needs the `store` extra (DuckDB): the site's machine, not a vantage point
SITE_FRAMEWORKS = {"django", "wagtail"}


def test_no_observatory_module_imports_django_or_the_site():
    modules = [
        info.name
        for info in pkgutil.walk_packages(drm_observatory.__path__, prefix="drm_observatory.")
        if info.name != "drm_observatory.__main__"  # runs the command line when imported
    ]
    script = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "print(sorted(m for m in sys.modules\n"
        "             if m.split('.')[0] in ('django', 'wagtail', 'drmonitor')))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert len(modules) > 30  # the walk found the packages, not an empty list
    assert done.stdout.strip() == "[]"


def installed_closure(name: str, extras: frozenset[str] = frozenset()) -> set[str]:
    """Every distribution that installing `name[extras]` brings in, read from this environment.

    Each requirement's markers are evaluated as pip would (platform, and `extra` only for the
    extras asked of that distribution), so optional extras such as hypothesis[django] are not
    walked unless something asks for them.
    """
    seen: set[tuple[str, frozenset[str]]] = set()
    todo = [(canonicalize_name(name), extras)]
    while todo:
        item = todo.pop()
        if item in seen:
            continue
        seen.add(item)
        dist, wanted = item
        for line in metadata.requires(dist) or []:
            requirement = Requirement(line)
            marker = requirement.marker
            if marker is None or any(marker.evaluate({"extra": e}) for e in wanted or {""}):
                todo.append((canonicalize_name(requirement.name), frozenset(requirement.extras)))
    return {dist for dist, _ in seen}


def test_installing_the_observatory_pulls_in_no_django():
    probe = installed_closure(DISTRIBUTION)
    with_tests = installed_closure(DISTRIBUTION, frozenset({"test"}))
    assert {"dnspython", "httpx2", "h2"} <= probe  # the walk follows dnspython[doh]
    assert {"pytest", "hypothesis", "cryptography"} <= with_tests
    assert not probe & SITE_FRAMEWORKS
    assert not with_tests & SITE_FRAMEWORKS
    assert {"django", "wagtail"} <= installed_closure("drmonitor")  # it would see them


def imported_distributions(files: list[Path]) -> set[str]:
    """The distributions that provide the third-party modules `files` import."""
    modules: set[str] = set()
    for path in files:
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Import):
                modules |= {alias.name.partition(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                modules.add(node.module.partition(".")[0])
    modules -= set(sys.stdlib_module_names) | {"drm_observatory", TESTS.name}
    providers = metadata.packages_distributions()
    missing = sorted(m for m in modules if m not in providers)
    assert not missing, f"imported but installed by no distribution here: {missing}"
    return {canonicalize_name(dist) for module in modules for dist in providers[module]}


def declared(extra: str | None = None) -> set[str]:
    """The distribution's requirements: unconditional ones, or those of one extra."""
    names = set()
    for line in metadata.requires(DISTRIBUTION) or []:
        requirement = Requirement(line)
        marker = requirement.marker
        if extra is None:
            wanted = marker is None
        else:
            wanted = marker is not None and marker.evaluate({"extra": extra})
        if wanted:
            names.add(canonicalize_name(requirement.name))
    return names


def test_the_probe_declares_exactly_what_it_imports():
    sources = sorted(PACKAGE.rglob("*.py"))
    part = {p: p.relative_to(PACKAGE).parts[0] for p in sources}
    runtime = [p for p in sources if part[p] not in (*TEST_SUPPORT, STORE)]
    store = [p for p in sources if part[p] == STORE]
    support = [p for p in sources if part[p] in TEST_SUPPORT] + sorted(TESTS.rglob("*.py"))
    assert len(runtime) > 20 and len(support) > 20 and store
    assert imported_distributions(runtime) == declared()
    # `analyse --dask` alone needs the cluster extra, imported only when asked for.
    assert imported_distributions(store) <= declared() | declared("store") | declared("cluster")
    assert "duckdb" in declared("store") and "distributed" in declared("cluster")
    assert imported_distributions(support) <= declared() | declared("test")
