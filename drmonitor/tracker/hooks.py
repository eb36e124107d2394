"""The Wagtail hooks through which apps above the tracker add to its pages, so that the tracker
never names them: `hooks.register(RECORD_PAGE, function)`."""

# A function (record) -> URL or "": the site's own public page of a statement or a campaign,
# which the timeline links to instead of the record's page elsewhere.
RECORD_PAGE = "drm_record_page"

# A function (incident) -> list of timeline Events: what was measured about the incident's
# services in its country (the observatory's blocking episodes), shown among the reported facts.
MEASURED_EVIDENCE = "drm_measured_evidence"
