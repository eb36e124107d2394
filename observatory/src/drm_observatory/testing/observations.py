"""Store rows from OONI's pipeline observation tables (`obs_web`, one row per DNS answer, TCP
connect, TLS handshake or HTTP request), such as the Kenyan Telegram tables in
../shared/data/ooni/kenya-telegram-observations.

Those tables carry the probe's own verdict (`probe_analysis`, the v0.4 engine's
`test_keys.blocking`) but not the raw test_keys, so each measurement is stored with that verdict
as both OONI's and ours, under the v0.4 rule that gives it. That is enough to build series and
episodes from real measurements.
"""

from __future__ import annotations

from pathlib import Path

from drm_observatory.store.duck import MeasurementStore

# The v0.4 rule (summary.go, analysis/verdict.py) behind each verdict: an HTTPS page fetched
# (1) or an HTTP page that matched (8); a null verdict is the control's failure (2 or 6, which
# pooled.py reads alike).
V04_RULE = """CASE WHEN v = 'false' AND starts_with(url, 'https:') THEN 'v0.4/1'
    WHEN v = 'false' THEN 'v0.4/8' WHEN v = 'dns' THEN 'v0.4/4' WHEN v = 'tcp_ip' THEN 'v0.4/5'
    WHEN v = '' THEN 'v0.4/6' ELSE 'v0.4/7' END"""

LOAD = f"""
INSERT INTO measurements (measurement_uid, report_id, input, domain, probe_cc, probe_asn,
    probe_network_name, measurement_start_time, test_version, ooni_blocking, ooni_accessible,
    blocking, accessible, rule, our_blocking, our_accessible, our_rule, explanation, source)
WITH m AS (
    SELECT measurement_uid, any_value(report_id) AS report_id, any_value("input") AS url,
           any_value(probe_cc) AS cc, any_value(probe_asn)::INTEGER AS asn,
           any_value(probe_as_org_name) AS network, min(measurement_start_time) AS t,
           any_value(test_version) AS version, coalesce(any_value(probe_analysis), '') AS v
    FROM read_csv(?, all_varchar = true) WHERE test_name = 'web_connectivity' GROUP BY 1
), judged AS (
    SELECT *, CASE v WHEN 'false' THEN 'false' WHEN '' THEN 'null' ELSE '"' || v || '"' END AS pair,
           CASE v WHEN 'false' THEN true WHEN '' THEN NULL ELSE false END AS ok,
           {V04_RULE} AS rule
    FROM m
)
SELECT measurement_uid, report_id, url, lower(regexp_extract(url, '://([^/:?#]+)', 1)), cc, asn,
       network, strptime(left(t, 19), '%Y-%m-%d %H:%M:%S'), version, pair, ok, pair, ok, rule,
       pair, ok, rule, 'probe_analysis of an OONI observation table', ?
FROM judged
ON CONFLICT DO NOTHING
"""  # noqa: S608 (built from constants only)


def load_observation_table(store: MeasurementStore, table: Path) -> int:
    """Store the Web Connectivity measurements of one observation table; return how many."""
    before = store.count()
    store.db.execute(LOAD, [str(table), table.name])
    return store.count() - before
