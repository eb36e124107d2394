"""What an import did: counts per kind of thing, and every item it left out with the reason."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

MAX_LISTED = 200  # per list in the text report; the counts are always whole


@dataclass
class ImportReport:
    dry_run: bool = False
    source: str = ""
    file_error: str = ""
    counts: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (what, why)
    notes: list[str] = field(default_factory=list)
    shortcodes: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    comments: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def count(self, kind: str, action: str, n: int = 1) -> None:
        self.counts[kind][action] += n

    def skip(self, what: str, why: str) -> None:
        self.skipped.append((what, why))

    def summary(self) -> str:
        if self.file_error:
            return f"Nothing imported: {self.file_error}"
        state = "Dry run, nothing written" if self.dry_run else "Imported"
        parts = []
        for kind in sorted(self.counts):
            actions = ", ".join(f"{n} {action}" for action, n in sorted(self.counts[kind].items()))
            parts.append(f"{kind}: {actions}")
        skipped = f"; {len(self.skipped)} items left out" if self.skipped else ""
        return f"{state} in {self.seconds:.0f} s. " + "; ".join(parts) + skipped + "."

    def as_text(self, limit: int | None = MAX_LISTED) -> str:
        """The report; each list cut at `limit` entries (None: all of them)."""
        lines = [self.summary()]
        if self.source:
            lines.append(f"Pictures: {self.source}.")
        lines += self.notes
        if self.skipped:
            lines.append(f"Left out ({len(self.skipped)}):")
            lines += [f"  {what}: {why}" for what, why in self.skipped[:limit]]
            lines += _more(len(self.skipped), limit)
        if self.shortcodes:
            lines.append("Shortcodes this site does not know, kept as text in the articles:")
            for name, posts in sorted(self.shortcodes.items()):
                listed = ", ".join(str(p) for p in list(posts)[:20])
                lines.append(f"  [{name}] {sum(posts.values())} times, in posts {listed}")
        if self.comments:
            lines.append(
                f"Comments ({len(self.comments)}), not kept: this site has no reader comments."
            )
            lines += [f"  {comment}" for comment in self.comments[:limit]]
            lines += _more(len(self.comments), limit)
        return "\n".join(lines)


def _more(total: int, limit: int | None) -> list[str]:
    if limit is None or total <= limit:
        return []
    return [f"  … and {total - limit} more (--report FILE writes them all)"]
