"""The section tree of digitalrightsmonitor.pk, as published in 2023-2025.

It seeds the page tree of a new site; after that the tree belongs to the editors.
"""

SectionTree = list[tuple[str, "SectionTree"]]

SECTION_TREE: SectionTree = [
    (
        "DRM Exclusive",
        [
            ("News", []),
            ("Court Updates", []),
            ("Features", []),
            ("Comment", []),
            ("Campaigns", [("#PrivacyHumSabKe", [])]),
            ("Vodcasts", []),
        ],
    ),
    ("In Media", [("News", []), ("OP-EDs", [])]),
    ("Editorial", []),
    ("Gender & Tech", [("SheConnects", [])]),
    ("Trends Monitor", []),
    ("Infographics", []),
    (
        "Resources",
        [("Laws and Policies", []), ("Research", []), ("International Frameworks", [])],
    ),
    (
        "DRM Advocacy",
        [("Exclusives", []), ("Featured", []), ("Publications", []), ("Statements", [])],
    ),
]
