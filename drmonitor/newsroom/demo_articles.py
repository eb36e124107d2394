"""The demo publication: its staff, its pictures, its documents, its settings and its stories.

The staff are fictional; their bios say so. The stories are in demo_xban.py and
demo_incidents.py, written in our own words from ../shared/reference/pakistan-timeline.md.
"""

from drmonitor.newsroom.demo_incidents import INCIDENT_STORIES
from drmonitor.newsroom.demo_records import (
    BarChart,
    DemoArticle,
    DemoAuthor,
    HubDiagram,
    Illustration,
    Paper,
)
from drmonitor.newsroom.demo_xban import X_BAN_STORIES

FICTIONAL = " (A fictional staff profile for the demo site.)"

AUTHORS: list[DemoAuthor] = [
    DemoAuthor(
        slug="drm",
        name="DRM",
        role="Newsroom",
        bio=(
            "Stories under the DRM byline are written and edited by the Digital Rights Monitor "
            "newsroom as a team: breaking news, statements and editorials."
        ),
    ),
    DemoAuthor(
        slug="ayesha-rahim",
        name="Ayesha Rahim",
        role="Courts correspondent, Karachi",
        bio=(
            "Ayesha follows digital-rights litigation in the high courts, from shutdown "
            "petitions to platform bans, and keeps DRM's hearing calendar." + FICTIONAL
        ),
    ),
    DemoAuthor(
        slug="bilal-qureshi",
        name="Bilal Qureshi",
        role="Technology reporter, Islamabad",
        bio=(
            "Bilal reports on networks, measurements and the regulator: shutdowns, throttling, "
            "cable faults and what the data says about them." + FICTIONAL
        ),
    ),
    DemoAuthor(
        slug="sana-mirza",
        name="Sana Mirza",
        role="Features editor",
        bio=(
            "Sana edits features, campaigns and the SheConnects desk, with a focus on how "
            "technology policy lands in people's lives." + FICTIONAL
        ),
    ),
    DemoAuthor(
        slug="farhan-iqbal",
        name="Farhan Iqbal",
        role="Policy analyst",
        bio=(
            "Farhan writes about cyber laws, data protection and international standards, "
            "and explains new bills before they become law." + FICTIONAL
        ),
    ),
    DemoAuthor(
        slug="zainab-hussain",
        name="Zainab Hussain",
        role="Lahore correspondent",
        bio=(
            "Zainab covers the Lahore High Court and press freedom in Punjab, and writes "
            "occasional opinion pieces on speech law." + FICTIONAL
        ),
    ),
]

DRM = "Illustration: DRM"
GRAPHICS = "Image: DRM graphics desk"


def _art(key: str, label: str, caption: str, credit: str = DRM) -> Illustration:
    return Illustration(
        key=key, title=f"Demo: {label}", label=label, caption=caption, credit=credit
    )


ILLUSTRATIONS: list[Illustration] = [
    _art(
        "social-card",
        "Digital Rights Monitor",
        "Digital Rights Monitor: news on digital rights in Pakistan.",
    ),
    # The X ban
    _art("election-day", "Election day, offline", "Polling day 2024 began without mobile data."),
    _art("ballot-signal", "No signal at the polls", "A ballot box and a lost signal."),
    _art("x-dark", "X blocked across Pakistan", "X went dark nationwide on 17 February 2024."),
    _art("shc-karachi", "Sindh High Court", "The Sindh High Court ordered X restored.", GRAPHICS),
    _art("two-courts", "Two courts, one ban", "Petitions in Islamabad and Karachi."),
    _art("joint-statement", "Unblock X", "Civil society's joint statement on X."),
    _art(
        "moi-letter",
        "Immediately till further orders",
        "The interior ministry's letter of 17 February.",
    ),
    _art("moi-letter-detail", "No reason given", "A letter without reasons."),
    _art(
        "court-roundup", "Four high courts", "The X cases spread to Lahore and Peshawar.", GRAPHICS
    ),
    _art("restorex", "#RestoreX", "The #RestoreX campaign."),
    _art("april-hearings", "17 April hearings", "Two hearings on one day."),
    _art("national-security", "National security?", "The ministry's written reply."),
    _art("mixed-signals", "Withdrawn or not?", "PTA's mixed signals in court."),
    _art(
        "lhc-lahore", "Lahore High Court", "The Lahore High Court hears the X petitions.", GRAPHICS
    ),
    _art("lhc-full-bench", "Last chance", "The full bench and the PTA chairman."),
    _art("lhc-full-bench-detail", "Full bench", "A three-member bench."),
    _art("x-restored", "X is back", "X became reachable again in May 2025."),
    _art("editorial-restoration", "Accountability next", "After the restoration, accountability."),
    _art("lhc-disposal", "Petitions disposed of", "The Lahore High Court closes the X petitions."),
    _art("ban-file", "The X ban file", "DRM's dated record of the X ban.", GRAPHICS),
    # Other incidents
    _art("sheconnects", "SheConnects", "Women online during the X block."),
    _art("international-law", "Article 19", "International standards on shutdowns."),
    _art("firewall", "The firewall summer", "A summer of slow mobile data."),
    _art("firewall-layers", "Layers of filtering", "Filtering between users and the internet."),
    _art("fotn-2024", "27 out of 100", "Freedom on the Net 2024.", GRAPHICS),
    _art("vpn-lock", "VPNs under pressure", "The push to register VPNs."),
    _art("vpn-tunnel", "Through the wall", "How a VPN carries traffic."),
    _art("privacy-campaign", "#PrivacyHumSabKe", "Privacy is for all of us."),
    _art("typo", "The missing 'not'", "A ruling withdrawn as a typo."),
    _art("autumn-shutdowns", "Autumn of shutdowns", "October and November 2024.", GRAPHICS),
    _art(
        "cost-of-shutdowns", "$1.62bn", "The estimated cost of Pakistan's 2024 shutdowns.", GRAPHICS
    ),
    Illustration(
        key="cost-bars",
        title="Estimated cost of shutdowns in Pakistan, 2024 (chart)",
        label="Cost of the X block",
        caption="Top10VPN's estimate: the X block is most of Pakistan's 2024 shutdown cost.",
        credit="Chart: DRM; data: Top10VPN",
        figure=BarChart(
            title="Estimated cost of shutdowns in Pakistan, 2024",
            bars=(("X block", 1.34), ("Other shutdowns", 0.28), ("Total", 1.62)),
            unit="US$ bn",
            note="Source: Top10VPN, reported by Arab News on 2 January 2025. "
            "Other = total minus the X block.",
        ),
    ),
    _art("cables", "Seven cables", "The undersea cables that carry Pakistan's internet.", GRAPHICS),
    Illustration(
        key="cable-map",
        title="Seven international cables, one fault (diagram)",
        label="Cable landings",
        caption="Schematic: the seven international cables PTA counts, with AAE-1 faulty. "
        "Not to scale; only two cables are named in the report.",
        credit="Diagram: DRM; data: PTA",
        figure=HubDiagram(
            title="Seven international cables, one fault",
            hub="Pakistan",
            spokes=("AAE-1", "SMW4", "Cable 3", "Cable 4", "Cable 5", "Cable 6", "Cable 7"),
            broken=("AAE-1",),
            note="Source: PTA via Pakistan Press Foundation, 2 January 2025. "
            "Schematic, not to scale.",
        ),
    ),
    _art("peca", "PECA 2025", "The PECA amendment of 2025."),
    _art("op-ed-peca", "Who decides what is fake?", "Section 26A before the courts."),
    _art("vodcast", "A year without X", "The anniversary vodcast."),
    _art("vodcast-studio", "On air", "The DRM studio."),
    _art("balochistan", "Balochistan offline", "Mobile data off across Balochistan."),
    _art("balochistan-map", "36 districts", "Balochistan's districts."),
    _art("balochistan-november", "All 36 districts", "Balochistan in November 2025."),
    _art("ajk-blackout", "AJK blackout", "Azad Jammu and Kashmir cut off."),
    _art("explainer-offline", "When the internet goes down", "Preparing for a shutdown."),
    _art("ooni-guide", "Measure it yourself", "OONI Probe measurements."),
    _art("policy-choice", "A policy choice", "Every shutdown is a decision."),
]

PAPERS: list[Paper] = [
    Paper(
        key="x-ban-file",
        title="The X ban file: a dated timeline (DRM, May 2025)",
        subtitle="Digital Rights Monitor reference document, May 2025",
        paragraphs=(
            "17 Feb 2024: X disrupted nationwide (NetBlocks, OONI); Ministry of Interior "
            "letter to PTA orders X blocked immediately till further orders.",
            "21-22 Feb 2024: Sindh High Court orders restoration; written order bars "
            "unlawful blocking.",
            "5-6 Mar 2024: IHC notices on Ehtisham Abbasi's petition; SHC contempt notice "
            "to the PTA chairman.",
            "13 Mar 2024: civil-society joint statement; the information minister says X is "
            "working, OONI measurements say otherwise.",
            "20 Mar 2024: PTA produces the ministry's letter in the SHC.",
            "5 Apr 2024: #RestoreX campaign launched by MMfD.",
            "17 Apr 2024: SHC tells the ministry to withdraw its letter within a week; "
            "Interior Secretary's report in the IHC; X's first public comment.",
            "8 Jul 2024: ministry tells the SHC that X is a national-security threat.",
            "12-16 Sep 2024: 'withdrawn' confusion in the SHC; PTA changes its stance.",
            "22 Oct 2024: LHC hears the ministry issued a notification banning X.",
            "2 Jan 2025: Top10VPN estimates the block cost about $1.34bn in 2024.",
            "20 Mar and 8 Apr 2025: LHC gives the PTA chairman a last chance, then summons "
            "the Attorney General.",
            "7 May 2025: X restored; PTA informs the Senate IT committee.",
            "Sources for every entry are linked in the articles on digitalrightsmonitor.pk.",
        ),
    ),
    Paper(
        key="peca-at-a-glance",
        title="PECA (Amendment) Act 2025 at a glance",
        subtitle="Digital Rights Monitor explainer, January 2025",
        paragraphs=(
            "23 Jan 2025: National Assembly passes the bill within minutes; opposition and "
            "journalists walk out.",
            "28 Jan 2025: Senate passes the bill. 29 Jan 2025: President signs it.",
            "Section 26A: spreading 'false' or 'fake' information, up to three years in "
            "prison and/or a fine of up to Rs2 million.",
            "New bodies: Social Media Protection and Regulatory Authority (SMPRA), National "
            "Cyber Crime Investigation Agency (NCCIA), Social Media Protection Tribunal.",
            "29 Jan 2025: challenged in the Lahore High Court by journalist Jafar bin Yar.",
        ),
    ),
]

SITE_TAGLINE = "Reporting on digital rights, internet freedom and technology policy in Pakistan"
SITE_ABOUT = (
    "Digital Rights Monitor is a newsroom dedicated to digital rights in Pakistan. We report "
    "on internet shutdowns, platform blocks, surveillance, privacy, online speech and the laws "
    "that govern them, and we follow the cases in court until they are decided. Every fact "
    "we publish carries its source."
)
SITE_FOLLOW_LINKS = {
    "facebook_url": "https://www.facebook.com/digitalrightsmonitor",
    "x_url": "https://x.com/DRM_Pakistan",
    "youtube_url": "https://www.youtube.com/@digitalrightsmonitor",
    "instagram_url": "https://www.instagram.com/digitalrightsmonitor",
    "linkedin_url": "https://www.linkedin.com/company/digital-rights-monitor",
}

ARTICLES: list[DemoArticle] = [*X_BAN_STORIES, *INCIDENT_STORIES]
