"""Everything at once: /api/bulk.zip, every record type as JSON (the API's shapes, unpaged),
the three CSV downloads, and a data dictionary that says what each field and column means.

The dictionary is written from the same schemas the API answers with (schemas.py), so it cannot
drift from the data beside it. A researcher who cites the archive cites its date: the README
names when it was made and how each record's page shows its later changes.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile

from django.http import HttpResponse
from django.utils import timezone
from django.views.decorators.http import require_safe
from ninja import Schema

from drmonitor.api import csv_views, queries
from drmonitor.api import schemas as s
from drmonitor.tracker.stop.cells import neutral_row

# File in the archive -> (records, their shape).
RECORDS = {
    "incidents.json": (queries.incidents_queryset, s.IncidentOut),
    "cases.json": (queries.case_detail_queryset, s.CaseDetailOut),
    "hearings.json": (queries.hearings_queryset, s.HearingOut),
    "orders.json": (queries.orders_queryset, s.OrderOut),
    "statements.json": (queries.statements_queryset, s.StatementOut),
    "campaigns.json": (queries.campaigns_queryset, s.CampaignOut),
    "actors.json": (queries.actors_queryset, s.ActorOut),
    "courts.json": (queries.courts_queryset, s.CourtDetailOut),
    "laws.json": (queries.laws_queryset, s.LawOut),
    "services.json": (queries.services_queryset, s.ServiceOut),
}
CSVS = {
    "incidents.csv": csv_views.incidents_csv,
    "cases.csv": csv_views.cases_csv,
    "hearings.csv": csv_views.hearings_csv,
}


def _type_of(spec: dict, definitions: dict) -> str:
    """A JSON schema's type in a word or two: "string (date)", "list of SourceOut", ..."""
    if "$ref" in spec:
        return spec["$ref"].rsplit("/", 1)[-1]
    if "anyOf" in spec:
        kinds = [_type_of(option, definitions) for option in spec["anyOf"]]
        return " or ".join(kind for kind in kinds if kind != "null") + " (may be empty)"
    if spec.get("type") == "array":
        return f"list of {_type_of(spec.get('items', {}), definitions)}"
    kind = spec.get("type", "any")
    return f"{kind} ({spec['format']})" if "format" in spec else kind


def dictionary_rows() -> list[dict]:
    """(file, field, type, description) for every JSON file's records and nested shapes."""
    rows = []
    seen: set[str] = set()
    for filename, (_records, shape) in RECORDS.items():
        described = shape.model_json_schema()
        definitions = described.get("$defs", {})
        shapes = [(filename, shape.__name__, described)]
        shapes += [(filename, name, spec) for name, spec in definitions.items()]
        for where, name, spec in shapes:
            if name in seen:
                continue
            seen.add(name)
            for field, field_spec in spec.get("properties", {}).items():
                rows.append(
                    {
                        "file": where,
                        "shape": name,
                        "field": field,
                        "type": _type_of(field_spec, definitions),
                        "description": field_spec.get("description", ""),
                    }
                )
    return rows


def _json(request, records, shape: type[Schema]) -> str:
    context = {"request": request}
    data = [shape.model_validate(r, context=context).model_dump(mode="json") for r in records()]
    return json.dumps(data, ensure_ascii=False, indent=1)


def _dictionary_csv() -> str:
    out = io.StringIO()
    columns = ["file", "shape", "field", "type", "description"]
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    writer.writerows(neutral_row(row, columns) for row in dictionary_rows())
    return out.getvalue()


def _readme(request, made: str) -> str:
    site = request.build_absolute_uri("/")
    return (
        f"Digital Rights Monitor open data, everything as of {made}.\n\n"
        "JSON files: one list per record type, in the shapes of the JSON API "
        f"({site}api/docs). CSV files: incidents in Access Now STOP's columns then ours, cases "
        "and hearings flattened (docs/open-data.md). data-dictionary.csv: every field of every "
        "JSON shape, its type and meaning.\n\n"
        "Only published records are included. Records change as courts sit: each record's page "
        "lists its changes (what, when, by which role) and offers a citation of its version.\n"
    )


@require_safe
def bulk_zip(request):
    made = timezone.localtime().strftime("%Y-%m-%d %H:%M %Z")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("README.txt", _readme(request, made))
        archive.writestr("data-dictionary.csv", _dictionary_csv())
        for filename, (records, shape) in RECORDS.items():
            archive.writestr(filename, _json(request, records, shape))
        for filename, view in CSVS.items():
            archive.writestr(filename, view(request).content)
    response = HttpResponse(buffer.getvalue(), content_type="application/zip")
    response["Content-Disposition"] = 'attachment; filename="drm-open-data.zip"'
    return response
