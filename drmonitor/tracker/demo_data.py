"""The tracker's demo facts, written as an editor's notes, each with its public source.

From ../shared/reference/pakistan-timeline.md. Where sources disagree, the timeline's
recommended value is used and the alternative is said in the text.
"""

from __future__ import annotations

from urllib.parse import urlparse

X_BAN = "x-blocked-in-pakistan"
STOP = "https://www.accessnow.org/keepiton-data-spreadsheet"


def source_kind(url: str) -> str:
    host = urlparse(url).netloc
    if "ooni.org" in host:
        return "ooni"
    if "accessnow.org" in host:
        return "stop"
    if any(n in host for n in ("mediamatters", "bytesforall", "ifex", "digitalrightsmonitor")):
        return "cso"
    return "news"


SERVICES = [
    ("X", ["x.com", "twitter.com", "twimg.com", "t.co"]),
    ("YouTube", ["youtube.com", "youtu.be", "ytimg.com", "googlevideo.com"]),
    ("Signal", ["signal.org", "whispersystems.org"]),
    ("Bluesky", ["bsky.app", "bsky.social"]),
    ("WhatsApp", ["whatsapp.com", "whatsapp.net"]),
    ("Facebook", ["facebook.com", "fbcdn.net"]),
    ("Instagram", ["instagram.com", "cdninstagram.com"]),
    ("TikTok", ["tiktok.com"]),
    ("Telegram", ["telegram.org", "t.me"]),
]

# (name, ASN or None, kind). ASNs only where the reference names them.
NETWORKS = [
    ("PTCL", 17557, "broadband"),
    ("CMPak (Zong)", 59257, "mobile"),
    ("AS136384", 136384, "broadband"),
    ("Jazz", None, "mobile"),
    ("Telenor Pakistan", None, "mobile"),
]
MOBILE = ["CMPak (Zong)", "Jazz", "Telenor Pakistan"]

ACTORS = [
    ("Ministry of Interior", "MoI", "authority"),
    ("Pakistan Telecommunication Authority", "PTA", "regulator"),
    ("Ministry of Information Technology and Telecommunication", "MoITT", "authority"),
    ("Ministry of Information and Broadcasting", "MoIB", "authority"),
    ("Federation of Pakistan", "", "authority"),
    ("National Cyber Crime Investigation Agency", "NCCIA", "law_enforcement"),
    ("Balochistan Home Department", "", "authority"),
    ("X Corp.", "X", "company"),
    ("Media Matters for Democracy", "MMfD", "civil_society"),
    ("Amnesty International", "", "civil_society"),
    ("Bytes for All", "B4A", "civil_society"),
    ("Digital Rights Foundation", "DRF", "civil_society"),
    ("Judicial Activism Panel", "", "civil_society"),
    ("Jibran Nasir", "", "person"),
    ("Zarrar Khuhro", "", "person"),
    ("Ehtisham Abbasi", "", "person"),
    ("Hafiz Shakir Mahmood", "", "person"),
    ("Nauman Muhib Kakakhel", "", "person"),
    ("Jafar bin Yar", "", "person"),
]

LAWS = [
    ("Prevention of Electronic Crimes Act 2016, section 37", "PECA s.37", 2016),
    ("Prevention of Electronic Crimes (Amendment) Act 2025", "PECA amendment 2025", 2025),
    (
        "Pakistan Telecommunication (Re-organization) Act 1996, section 54(3)",
        "PTA Act s.54(3)",
        1996,
    ),
    ("Constitution of Pakistan, Article 19 (freedom of speech)", "Constitution Art. 19", 1973),
    ("Constitution of Pakistan, Article 14 (dignity and privacy)", "Constitution Art. 14", 1973),
]

COURTS = [
    ("Supreme Court of Pakistan", "SC", "supreme", "", "Islamabad"),
    ("Sindh High Court", "SHC", "high", "Sindh", "Karachi"),
    ("Islamabad High Court", "IHC", "high", "Islamabad Capital Territory", "Islamabad"),
    ("Lahore High Court", "LHC", "high", "Punjab", "Lahore"),
    ("Peshawar High Court", "PHC", "high", "Khyber Pakhtunkhwa", "Peshawar"),
    ("Balochistan High Court", "BHC", "high", "Balochistan", "Quetta"),
]

NEWS_17FEB = "https://www.brecorder.com/news/40290002/x-faces-disruption-in-pakistan-for-5th-consecutive-day-netblocks"
MOI_LETTER = "https://www.phoneworld.com.pk/interior-ministry-orders-ban-on-x-pta-informs-shc/"
RESTORED = "https://nukta.com/x-restored-in-pakistan"
OONI_2025 = "https://ooni.org/post/2025-media-censorship-in-india-and-pakistan/"


def _incident(slug, title, kind, start, end, status, summary, sources, **extra) -> dict:
    return {
        "slug": slug,
        "title": title,
        "kind": kind,
        "start_date": start,
        "end_date": end,
        "status": status,
        "summary": summary,
        "sources": sources,
        **extra,
    }


INCIDENTS = [
    _incident(
        X_BAN,
        "X blocked in Pakistan",
        "platform_block",
        "2024-02-17",
        "2025-05-07",
        "Ended",
        "X (formerly Twitter) stopped working across Pakistan on 17 February 2024, days after the "
        "general election and just after a former Rawalpindi commissioner accused officials of "
        "rigging. The Ministry of Interior had written to the PTA that day ordering the platform "
        "blocked until further orders, without giving a reason; the letter only became public "
        "when the PTA produced it in the Sindh High Court a month later. Petitions followed in "
        "the Sindh, Islamabad, Lahore and Peshawar high courts. In court the ministry later cited "
        "national security and intelligence reports. X became reachable again without a VPN on "
        "7 May 2025, during the conflict with India, without any formal notification. Top10VPN "
        "estimated the block cost Pakistan about $1.34bn in 2024.",
        [
            NEWS_17FEB,
            "https://explorer.ooni.org/findings/255040833200",
            MOI_LETTER,
            RESTORED,
            OONI_2025,
            "https://www.arabnews.pk/node/2585206",
        ],
        areas="Nationwide",
        geo_scope="It affected locations in more than one state, province, or region",
        affected_network="Broadband, Mobile",
        extent="Service-based",
        services=["X"],
        networks=["PTCL", "CMPak (Zong)", "AS136384", "Jazz", "Telenor Pakistan"],
        ordered_by_level="Executive government",
        ordered_by=["Ministry of Interior", "Pakistan Telecommunication Authority"],
        decision_maker="Ministry of Interior",
        stated_justification="National security/ Counter-terrorism",
        stated_justification_details=(
            "The blocking letter gave no reason. In its April 2024 report to the Islamabad High "
            "Court the ministry said intelligence agencies asked for the block and that X "
            "ignored requests about accounts targeting the Chief Justice; in September 2024 the "
            "information minister called it a national-security measure."
        ),
        actual_cause="Information control",
        actual_cause_details=(
            "The block began as allegations of election rigging spread on the platform."
        ),
        laws=["Prevention of Electronic Crimes Act 2016, section 37"],
        legal_method="Ministry of Interior letter to the PTA, 17 February 2024",
        government_acknowledged="Yes",
        government_ack_source=MOI_LETTER,
        government_ack_quote="immediately till further orders",
        status_changes=[
            (
                "2024-02-17",
                "",
                "Ongoing",
                "NetBlocks and OONI confirm X restricted nationwide.",
                NEWS_17FEB,
            ),
            (
                "2025-05-07",
                "Ongoing",
                "Ended",
                "The PTA chairman tells the Senate IT committee X is restored; NetBlocks confirms. "
                "One report dates the restoration to late 6 May, another to 13 May.",
                RESTORED,
            ),
        ],
    ),
    _incident(
        "election-day-mobile-shutdown-2024",
        "Mobile services suspended on election day",
        "network_shutdown",
        "2024-02-08",
        "2024-02-08",
        "Ended",
        "On polling day the Ministry of Interior suspended mobile services across the country, "
        "citing security. Cloudflare Radar recorded outages at CMPak, Jazz and Telenor.",
        [
            "https://propakistani.pk/2024/02/08/govt-suspends-mobile-services-on-election-day/",
            "https://pulse.internetsociety.org/blog/pakistan-elections-2024-reports-of-internet-and-mobile-services-disrupted",
        ],
        areas="Nationwide",
        affected_network="Mobile",
        extent="Full network",
        networks=MOBILE,
        ordered_by_level="Executive government",
        ordered_by=["Ministry of Interior"],
        decision_maker="Ministry of Interior",
        stated_justification="National security/ Counter-terrorism",
        actual_cause="Elections",
        government_acknowledged="Yes",
        end_date_type="Estimated",
    ),
    _incident(
        "by-election-mobile-cuts-april-2024",
        "Mobile internet cut during by-elections",
        "network_shutdown",
        "2024-04-21",
        "2024-04-22",
        "Ended",
        "Mobile internet was cut in parts of Balochistan and Punjab while by-elections were held.",
        ["https://www.arabnews.pk/node/2496211", STOP],
        areas="Parts of Balochistan and Punjab",
        affected_network="Mobile",
        extent="Full network",
        actual_cause="Elections",
    ),
    _incident(
        "ajk-protest-shutdown-may-2024",
        "Internet suspended in Azad Jammu and Kashmir during protests",
        "network_shutdown",
        "2024-05-12",
        "2024-05-14",
        "Ended",
        "Internet access was suspended in Azad Jammu and Kashmir for three days of protests.",
        [STOP],
        areas="Azad Jammu and Kashmir",
        actual_cause="Protests",
    ),
    _incident(
        "muharram-mobile-cuts-2024",
        "Mobile service cut along Muharram procession routes",
        "network_shutdown",
        "2024-07-13",
        "2024-07-18",
        "Ended",
        "Mobile service was cut along procession routes in Punjab for Muharram, and for shorter "
        "spells in Balochistan and Peshawar. The Punjab government had also asked for social "
        "media to be suspended; the federal government reportedly refused that request.",
        [STOP, "https://arynews.tv/social-media-to-remain-suspended-in-punjab-during-muharram/"],
        areas="Procession routes in Punjab; Balochistan; Peshawar",
        affected_network="Mobile",
        actual_cause="Religious holiday/anniversary",
        ordered_by_level="State government",
    ),
    _incident(
        "gwadar-raji-muchi-shutdown-2024",
        "Internet cut in Gwadar during the Baloch Raji Muchi",
        "network_shutdown",
        "2024-07-26",
        "2024-08-05",
        "Ended",
        "Internet access was cut in Gwadar and other Baloch areas during the Baloch Raji Muchi "
        "gathering. Top10VPN counts a longer Balochistan shutdown, 16 July to 21 August.",
        [STOP],
        areas="Gwadar and other areas of Balochistan",
        actual_cause="Protests",
    ),
    _incident(
        "firewall-slowdown-2024",
        "Social media slowed while a national firewall is tested",
        "firewall_or_dpi",
        "2024-07-26",
        None,
        "Unknown",
        "Users reported weeks of slow mobile data and WhatsApp media failing to load. The IT "
        "ministry put the slowdown down to testing of a new firewall; the minister of state later "
        "denied a deliberate slowdown and blamed VPN use.",
        [
            "https://www.adnkronos.com/rassegna-stampa/inglese/pakistan-new-firewall-system-causes-slowdowns-on-social-media_dyQvnlYhixaGmYpr9UrMm",
            "https://www.trtworld.com/article/18197299",
        ],
        areas="Nationwide",
        affected_network="Mobile",
        services=["WhatsApp"],
        start_date_type="Estimated",
        actual_cause="Information control",
        stated_justification="Technical problems/ Infrastructure failure",
    ),
    _incident(
        "signal-blocked-2024",
        "Signal blocked in Pakistan",
        "platform_block",
        "2024-08-26",
        None,
        "Ongoing",
        "OONI measurements show the Signal messenger blocked, first on some networks and then on "
        "every provider measured. STOP dates the block from 26 August 2024; OONI's 2025 report "
        "charts it from 17 July 2024 and found it still in place in September 2025.",
        [STOP, OONI_2025],
        areas="Nationwide",
        extent="Service-based",
        services=["Signal"],
        actual_cause="Information control",
    ),
    _incident(
        "d-chowk-protest-shutdown-2024",
        "Mobile internet suspended in Islamabad and Rawalpindi for the D-Chowk protest",
        "network_shutdown",
        "2024-10-04",
        "2024-10-06",
        "Ended",
        "Mobile and internet services were suspended in the twin cities ahead of PTI's protest at "
        "D-Chowk and came back after more than 50 hours. STOP records 3 to 7 October.",
        [
            "https://www.nation.com.pk/04-Oct-2024/internet-mobile-services-suspended-ahead-of-pti-protest",
            "https://arynews.tv/mobile-phone-service-restored-in-islamabad-rawalpindi/",
        ],
        areas="Islamabad, Rawalpindi",
        affected_network="Mobile",
        actual_cause="Protests",
        ordered_by_level="Executive government",
    ),
    _incident(
        "vpn-restrictions-2024",
        "VPNs restricted and registration demanded",
        "vpn_restriction",
        "2024-11-10",
        None,
        "Unknown",
        "VPNs stopped working across the country for a time. The Ministry of Interior asked the "
        "PTA to block unregistered VPNs, citing their use by terrorists, and the PTA ran trials; "
        "at the 30 November deadline it said unregistered VPNs would not yet be blocked.",
        [
            "https://dailytimes.com.pk/1239994/interior-ministry-seeks-ban-on-vpns-citing-terror-concerns/",
            "https://www.nation.com.pk/15-Nov-2024/interior-ministry-urges-pta-to-crack-down-on-illegal-vpns",
            "https://dunyanews.tv/en/Pakistan/853812-pta-delays-ban-on-unregistered-vpns-after-deadline-passes",
        ],
        areas="Nationwide",
        ordered_by=["Ministry of Interior", "Pakistan Telecommunication Authority"],
        stated_justification="National security/ Counter-terrorism",
    ),
    _incident(
        "bluesky-blocked-2024",
        "Bluesky restricted in Pakistan",
        "platform_block",
        "2024-11-20",
        None,
        "Unknown",
        "NetBlocks confirmed Bluesky restricted overnight on 19-20 November 2024, as users moved "
        "there from the blocked X. Some reports date it 21 November; STOP records 19-20 November.",
        [
            "https://www.tomsguide.com/computing/online-security/bluesky-blocked-in-pakistan-as-internet-freedoms-continue-to-be-curtailed",
            STOP,
        ],
        areas="Nationwide",
        extent="Service-based",
        services=["Bluesky"],
        actual_cause="Information control",
    ),
    _incident(
        "pti-protest-shutdown-november-2024",
        "Mobile internet suspended in major cities before PTI's November protest",
        "network_shutdown",
        "2024-11-23",
        "2024-11-27",
        "Ended",
        "The Ministry of Interior had mobile internet and Wi-Fi suspended from midnight in "
        "Islamabad, Rawalpindi, Lahore and Multan ahead of PTI's 24 November protest; NetBlocks "
        "also saw WhatsApp backends restricted. STOP dates the episode 21 to 27 November.",
        [
            "https://arynews.tv/pti-protest-major-cities-to-face-internet-suspension-starting-23-nov/",
            "https://techcrayon.com/2024/11/25/pakistan-blocks-yet-another-social-media-app",
        ],
        areas="Islamabad, Rawalpindi, Lahore, Multan",
        affected_network="Broadband, Mobile",
        services=["WhatsApp"],
        ordered_by_level="Executive government",
        ordered_by=["Ministry of Interior"],
        decision_maker="Ministry of Interior",
        actual_cause="Protests",
        end_date_type="Estimated",
    ),
    _incident(
        "aae1-cable-fault-2025",
        "AAE-1 undersea cable fault slows the internet",
        "cable_fault",
        "2025-01-02",
        "2025-01-04",
        "Ended",
        "The PTA warned of nationwide slowdowns after a fault in the AAE-1 cable near Qatar, one "
        "of seven cables serving Pakistan; PTCL expected repairs by 4 January.",
        [
            "https://www.pakistanpressfoundation.org/pakistanis-face-internet-disruptions-due-to-fault-in-aae-1-cable-near-qatar/"
        ],
        areas="Nationwide",
        end_date_type="Estimated",
        actual_cause="Other",
        stated_justification="Technical problems/ Infrastructure failure",
    ),
    _incident(
        "balochistan-mobile-data-august-2025",
        "Mobile data suspended across Balochistan",
        "network_shutdown",
        "2025-08-06",
        "2025-08-31",
        "Ended",
        "The Balochistan Home Department ordered 3G and 4G suspended across the province until "
        "31 August, citing security. STOP ends the episode on 21 August; several districts "
        "were restored after about 25 days.",
        [
            "https://www.newsdrum.in/international/mobile-data-services-suspended-in-paks-balochistan-province-till-aug-31-for-security-reasons-9640536",
            "https://pakistanpressfoundation.org/internet-services-restored-in-several-balochistan-districts-after-weeks-long-blackout",
        ],
        areas="Balochistan (province-wide)",
        affected_network="Mobile",
        ordered_by_level="State government",
        ordered_by=["Balochistan Home Department"],
        decision_maker="Balochistan Home Department",
        stated_justification="National security/ Counter-terrorism",
        end_date_type="Estimated",
    ),
    _incident(
        "ajk-jaac-strike-shutdown-2025",
        "Mobile, internet and landlines cut across Azad Kashmir during the JAAC strike",
        "network_shutdown",
        "2025-09-29",
        "2025-10-04",
        "Ended",
        "On the Ministry of Interior's instructions, mobile, internet and landline services were "
        "suspended across Azad Jammu and Kashmir during the Joint Awami Action Committee strike. "
        "Some reports start it at midnight on 28 September; the end date is STOP's.",
        [
            "https://en.dailypakistan.com.pk/29-Sep-2025/mobile-internet-services-suspended-amid-protests-in-azad-kashmir",
            STOP,
        ],
        areas="Azad Jammu and Kashmir",
        affected_network="Broadband, Mobile",
        ordered_by=["Ministry of Interior"],
        actual_cause="Protests",
        end_date_type="Estimated",
    ),
    _incident(
        "tlp-march-shutdown-2025",
        "Mobile internet suspended in the twin cities before the TLP march",
        "network_shutdown",
        "2025-10-10",
        "2025-10-13",
        "Ended",
        "Mobile and internet services in Islamabad and Rawalpindi were suspended from midnight, "
        "with no end date given, before the TLP march. STOP dates it 9 to 13 October and "
        "includes Lahore.",
        [
            "https://english.sunonews.tv/pakistan/pakistan/Mobile-and-internet-services-suspended-in-Islamabad-and-Rawalpindi-amid-TLP-Protest/1760036400-9574",
            STOP,
        ],
        areas="Islamabad, Rawalpindi",
        affected_network="Mobile",
        ordered_by=["Ministry of Interior"],
        actual_cause="Protests",
        end_date_type="Estimated",
    ),
    _incident(
        "balochistan-shutdown-november-2025",
        "Mobile internet suspended in all Balochistan districts",
        "network_shutdown",
        "2025-11-12",
        "2025-11-16",
        "Ended",
        "Mobile internet was suspended in all 36 districts of Balochistan for five days.",
        ["https://www.dawn.com/news/1954689", STOP],
        areas="All 36 districts of Balochistan",
        affected_network="Mobile",
    ),
]

INCIDENT_ORDERS = [
    {
        "incident": X_BAN,
        "title": "Ministry of Interior letter to the PTA ordering X blocked",
        "kind": "government_order",
        "date": "2024-02-17",
        "issued_by": "Ministry of Interior",
        "summary": "Tells the PTA to block X immediately and until further orders, without a "
        "reason. It surfaced when the PTA produced it in the Sindh High Court on 20 March 2024.",
        "sources": [MOI_LETTER],
    },
]

SHC_BENCH = (
    "Division bench headed by CJ Aqeel Ahmed Abbasi",
    ["Chief Justice Aqeel Ahmed Abbasi", "Justice Abdul Mubeen Lakho"],
    "division",
)
SHC_BENCH_2 = (
    "Division bench headed by CJ Muhammad Shafi Siddiqui",
    ["Chief Justice Muhammad Shafi Siddiqui", "Justice Omar Sial"],
    "division",
)
IHC_BENCH = ("Single bench of CJ Aamer Farooq", ["Chief Justice Aamer Farooq"], "single")
LHC_FULL = (
    "Full bench headed by CJ Aalia Neelum",
    ["Chief Justice Aalia Neelum", "Justice Farooq Haider", "Justice Ali Zia Bajwa"],
    "larger",
)

CASES = [
    {
        "slug": "shc-election-shutdown-petitions",
        "court": "SHC",
        "title": "PILAP and others v. Federation of Pakistan (election-day shutdown)",
        "subject": "Petitions against the mobile and internet shutdown on election day, with "
        "which the X petitions were heard from March to December 2024.",
        "petitioners_text": "PILAP and others",
        "respondents": ["Federation of Pakistan", "Pakistan Telecommunication Authority"],
        "status": "notice_issued",
        "incidents": ["election-day-mobile-shutdown-2024"],
        "sources": [
            "https://www.nation.com.pk/21-Feb-2024/shc-orders-govt-to-restore-social-media-platforms-across-pakistan"
        ],
    },
    {
        "slug": "shc-jibran-nasir-x-ban",
        "court": "SHC",
        "title": "Jibran Nasir and others v. Federation of Pakistan (X ban)",
        "subject": "Challenges the block of X and asks the court to order its restoration.",
        "relief_sought": "Restore X; declare the block unlawful.",
        "petitioners": ["Jibran Nasir", "Zarrar Khuhro"],
        "petitioners_text": "Advocate Jibran Nasir, journalist Zarrar Khuhro and others",
        "respondents": [
            "Federation of Pakistan",
            "Ministry of Interior",
            "Pakistan Telecommunication Authority",
        ],
        "counsel": "Abdul Moiz Jaferii",
        "status": "arguments",
        "incidents": [X_BAN],
        "laws": ["Constitution of Pakistan, Article 19 (freedom of speech)"],
        "sources": [MOI_LETTER],
        "hearings": [
            {
                "date": "2024-02-21",
                "bench": SHC_BENCH,
                "result": "interim_relief_granted",
                "what": "The court tells the federal government and the PTA to restore social "
                "media, X included, and asks the PTA to report on the election-day shutdown. "
                "One report dates the order to 22 February.",
                "directions": "Restore X and other social media.\nPTA to report on the "
                "election-day shutdown.",
                "next": "2024-03-05",
                "sources": [
                    "https://www.nation.com.pk/21-Feb-2024/shc-orders-govt-to-restore-social-media-platforms-across-pakistan"
                ],
            },
            {
                "date": "2024-03-05",
                "bench": SHC_BENCH,
                "result": "contempt_notice",
                "what": "A contempt application over X still being blocked comes up; the "
                "written order issues a contempt notice to the PTA chairman and extends the "
                "interim order.",
                "directions": "MoI and PTA to reply before the next date.",
                "sources": [
                    "https://pnp.com.pk/110220/islamabad-high-court-notice-issued-to-pta-and-ministry-of-information-on-closure-of-x/"
                ],
            },
            {
                "date": "2024-03-20",
                "bench": SHC_BENCH,
                "result": "summoned",
                "what": "Four petitions are heard together. The PTA produces the Ministry of "
                "Interior's letter of 17 February ordering the block. The bench is displeased "
                "that the ministry has not replied.",
                "summoned": "Interior Secretary, if the ministry does not reply",
                "next": "2024-04-17",
                "sources": [MOI_LETTER],
            },
            {
                "date": "2024-04-17",
                "bench": SHC_BENCH,
                "result": "reply_sought",
                "what": "The Chief Justice says no law lets the ministry act on intelligence "
                "reports alone and gives it a week to withdraw its letter; reasons are due by "
                "9 May.",
                "directions": "MoI to withdraw the letter within a week or the court will pass "
                "orders.",
                "next": "2024-05-09",
                "sources": [
                    "https://www.latestly.com/socially/world/x-ban-in-pakistan-revoked-sindh-high-court-orders-cancellation-of-letter-regarding-suspension-of-elon-musk-run-platform-within-one-week-5900857.html"
                ],
            },
            {
                "date": "2024-08-28",
                "result": "adjourned",
                "precision": "reported",
                "what": "Justice Adnan Iqbal Chaudhry says the regular bench will hear the case.",
                "next": "2024-09-12",
                "sources": [
                    "https://express.pk/index.php/story/2694165/snd-haykwrt-myn-smajy-rabte-ky-wyb-sayt-ayks-ky-bndsh-ke-khlaf-drkhwast-pr-smaat-2694165"
                ],
            },
            {
                "date": "2024-09-12",
                "bench": SHC_BENCH_2,
                "result": "adjourned",
                "what": "A PTA lawyer tells the court the blocking notification was withdrawn; "
                "another PTA lawyer knows of no withdrawal. Reports date this hearing 10, 12 "
                "or 13 September.",
                "next_note": "two weeks",
                "sources": [
                    "https://arynews.tv/pta-issues-another-clarification-on-x-services-in-pakistan/"
                ],
            },
            {
                "date": "2024-09-16",
                "bench": SHC_BENCH_2,
                "result": "adjourned",
                "precision": "inferred",
                "what": "The Chief Justice rebukes the PTA for changing its position and hints at "
                "contempt; the PTA's plea is heard with the petitions.",
                "next": "2024-09-24",
                "sources": ["https://newsguru.pk/?p=47315"],
            },
            {
                "date": "2024-12-10",
                "result": "adjourned",
                "precision": "reported",
                "what": "The X petitions are separated from the main petition; the court asks "
                "for arguments on whether a regular or a constitutional bench should hear them.",
                "sources": [
                    "https://www.urdupoint.com/daily/livenews/2024-12-10/news-4258074.html"
                ],
            },
        ],
        "orders": [
            {
                "title": "SHC written order: restore X in full",
                "kind": "written_order",
                "date": "2024-02-22",
                "hearing": "2024-02-21",
                "summary": "The PTA must fully restore X; blocking without lawful authority is "
                "barred, and if a measure is unavoidable speeds should be reduced rather than "
                "the service shut.",
                "sources": [
                    "https://headline.pk/sindh-high-court-orders-full-restoration-of-social-media-platform-x/"
                ],
            },
            {
                "title": "SHC contempt notice to the PTA chairman",
                "kind": "contempt_notice",
                "date": "2024-03-06",
                "hearing": "2024-03-05",
                "summary": "The PTA gave no justification for the block; the interim order is "
                "extended and the ministry and PTA must reply.",
                "sources": ["https://channelfivepakistan.tv/2024/03/06/355299"],
            },
            {
                "title": "Ministry of Interior's written reply to the SHC",
                "kind": "government_order",
                "date": "2024-07-08",
                "issued_by": "Ministry of Interior",
                "summary": "Calls X a threat to national security that will not be restored, and "
                "says X signed no agreement and ignored requests.",
                "sources": [
                    "https://propakistani.pk/2024/07/08/govt-has-no-plans-to-unban-x-blames-security-concerns/"
                ],
            },
        ],
        "status_changes": [
            (
                "2024-02-21",
                "filed",
                "notice_issued",
                "Notice to the federation.",
                "https://www.nation.com.pk/21-Feb-2024/shc-orders-govt-to-restore-social-media-platforms-across-pakistan",
            ),
            (
                "2024-12-10",
                "notice_issued",
                "arguments",
                "Arguments sought on which bench has jurisdiction.",
                "https://www.urdupoint.com/daily/livenews/2024-12-10/news-4258074.html",
            ),
        ],
    },
    {
        "slug": "ihc-ehtisham-abbasi-x-ban",
        "court": "IHC",
        "title": "Ehtisham Abbasi v. Federation of Pakistan (X ban)",
        "subject": "A journalist's petition under Articles 19 and 14 against the closure of X.",
        "relief_sought": "Restore X.",
        "filed_on": "2024-03-04",
        "petitioners": ["Ehtisham Abbasi"],
        "respondents": [
            "Ministry of Information and Broadcasting",
            "Pakistan Telecommunication Authority",
        ],
        "respondents_text": "Ministry of Information (some reports: MoITT) and PTA",
        "counsel": "Amna Ali, Sardar Masroof",
        "status": "replies_awaited",
        "incidents": [X_BAN],
        "laws": [
            "Constitution of Pakistan, Article 19 (freedom of speech)",
            "Constitution of Pakistan, Article 14 (dignity and privacy)",
        ],
        "sources": [
            "https://pakistansafetycoalition.org/ihc-issues-notices-to-information-ministry-pta-on-social-media-ban-petition"
        ],
        "hearings": [
            {
                "date": "2024-03-05",
                "bench": IHC_BENCH,
                "result": "notice_issued",
                "what": "Notices go to the ministry and the PTA; the court asks about the "
                "Sindh High Court case.",
                "sources": [
                    "https://www.nation.com.pk/06-Mar-2024/ihc-serves-notices-to-ministry-pta-over-x-closure"
                ],
            },
            {
                "date": "2024-03-13",
                "bench": IHC_BENCH,
                "result": "reply_sought",
                "what": "The PTA's lawyer questions whether the petition is maintainable; "
                "comments are due by 26 March.",
                "next": "2024-03-26",
                "sources": [
                    "https://www.urdupoint.com/en/pakistan/ihc-again-seeks-comments-from-pta-on-closure-1804899.html"
                ],
            },
            {
                "date": "2024-03-26",
                "bench": IHC_BENCH,
                "result": "summoned",
                "what": 'The PTA files its reply with a "confidential" letter, which the court '
                "finds says nothing.",
                "summoned": "An authorised officer of the Ministry of Interior",
                "next": "2024-04-03",
                "sources": [
                    "https://www.thenews.com.pk/print/1172720-ihc-summons-interior-ministry-official-over-x-closure"
                ],
            },
            {
                "date": "2024-04-03",
                "bench": IHC_BENCH,
                "result": "summoned",
                "what": "A joint secretary of the ministry comes without a file; the block rests "
                "on an Intelligence Bureau report that gives no reasons.",
                "summoned": "Interior Secretary",
                "next": "2024-04-17",
                "sources": [
                    "https://www.brecorder.com/news/40297136/closure-of-x-ihc-summons-interior-secy"
                ],
            },
            {
                "date": "2024-04-17",
                "bench": IHC_BENCH,
                "result": "adjourned",
                "what": "The Interior Secretary's report says X was blocked on 17 February at "
                "the intelligence agencies' request, that X ignored FIA requests and is not "
                "registered in Pakistan, and asks for dismissal. The court calls the basis "
                "speculative.",
                "sources": [
                    "https://newsroomodisha.com/pak-govts-decision-to-ban-x-based-on-mere-speculation-islamabad-hc/"
                ],
            },
            {
                "date": "2024-05-02",
                "result": "not_taken_up",
                "what": "Listed but not heard.",
                "sources": [
                    "https://telecoalert.com/2024/12/11/islamabad-high-court-schedule-hearing-for-petition-against-ban-on-x"
                ],
            },
            {
                "date": "2024-06-11",
                "result": "not_taken_up",
                "what": "Listed but not heard.",
                "sources": [
                    "https://telecoalert.com/2024/12/11/islamabad-high-court-schedule-hearing-for-petition-against-ban-on-x"
                ],
            },
            {
                "date": "2024-11-22",
                "result": "adjourned",
                "what": "An application for an early hearing is accepted; the case is to be "
                "fixed after the winter holidays. On 10 December the registrar fixes it for "
                "6 February 2025.",
                "next": "2025-02-06",
                "sources": [
                    "https://telecoalert.com/2024/12/11/islamabad-high-court-schedule-hearing-for-petition-against-ban-on-x"
                ],
            },
            {
                "date": "2025-02-06",
                "result": "scheduled",
                "what": "Scheduled hearing; no report of its outcome was found. CJ Aamer Farooq "
                "moved to the Supreme Court that month.",
                "sources": [
                    "https://telecoalert.com/2024/12/11/islamabad-high-court-schedule-hearing-for-petition-against-ban-on-x"
                ],
            },
        ],
        "orders": [
            {
                "title": "IHC summons the Interior Secretary",
                "kind": "summons",
                "date": "2024-04-03",
                "hearing": "2024-04-03",
                "summary": "The Interior Secretary must appear on 17 April and explain the block.",
                "sources": [
                    "https://www.brecorder.com/news/40297136/closure-of-x-ihc-summons-interior-secy"
                ],
            },
        ],
        "status_changes": [
            (
                "2024-03-05",
                "filed",
                "notice_issued",
                "Notices to the ministry and PTA.",
                "https://www.nation.com.pk/06-Mar-2024/ihc-serves-notices-to-ministry-pta-over-x-closure",
            ),
            (
                "2024-03-13",
                "notice_issued",
                "replies_awaited",
                "Comments sought by 26 March.",
                "https://www.urdupoint.com/en/pakistan/ihc-again-seeks-comments-from-pta-on-closure-1804899.html",
            ),
        ],
    },
    {
        "slug": "lhc-huzaifa-naeem-x-restoration",
        "court": "LHC",
        "title": "Huzaifa Naeem v. Federation of Pakistan (restoration of X)",
        "subject": "An advocate's application for X to be restored.",
        "petitioners_text": "Advocate Huzaifa Naeem",
        "respondents": ["Federation of Pakistan"],
        "status": "notice_issued",
        "incidents": [X_BAN],
        "hearings": [
            {
                "date": "2024-03-27",
                "bench": ("Justice Asim Hafeez", ["Justice Asim Hafeez"], "single"),
                "result": "adjourned",
                "precision": "reported",
                "what": "Heard and adjourned; the report gives both 2 April and 21 April as the "
                "next date.",
                "sources": [
                    "https://dunyanews.tv/en/Technology/801211-Plea-seeking-restoration-of-%5C'X%5C'-adjourned-till-April-2"
                ],
            },
        ],
    },
    {
        "slug": "lhc-judicial-activism-panel-x-ban",
        "court": "LHC",
        "title": "Hafiz Shakir Mahmood, Judicial Activism Panel and others v. Federation of "
        "Pakistan (X ban)",
        "subject": "Petitions against the ban on X, heard by a full bench in 2025.",
        "petitioners": ["Hafiz Shakir Mahmood", "Judicial Activism Panel"],
        "respondents": ["Federation of Pakistan", "Pakistan Telecommunication Authority"],
        "counsel": "Azhar Siddique",
        "status": "disposed_of",
        "outcome": "referred_to_government",
        "decided_on": "2025-11-24",
        "incidents": [X_BAN],
        "sources": ["https://www.dawn.com/news/1957164/pleas-against-ban-on-x-disposed-of"],
        "hearings": [
            {
                "date": "2024-10-22",
                "result": "adjourned",
                "what": "After the 26th Amendment, the Chief Justice says petitioners cannot go "
                "beyond their prayer. A federal lawyer confirms a ministry notification banning "
                "X; a fresh report is sought.",
                "next_note": "sine die",
                "sources": ["https://www.dawn.com/news/1867002"],
            },
            {
                "date": "2025-03-14",
                "bench": LHC_FULL,
                "result": "reply_sought",
                "what": "The bench wants reports from the ministry and the PTA, including on "
                "which government bodies still use X; the PTA says users get through by VPN.",
                "next": "2025-03-20",
                "sources": [
                    "https://www.dawn.com/news/1897967/lhc-asks-govt-to-explain-its-use-of-x-despite-ban"
                ],
            },
            {
                "date": "2025-03-20",
                "bench": LHC_FULL,
                "result": "adjourned",
                "appeared": "PTA chairman",
                "what": "The PTA chairman says platforms have been blocked since 2016 under "
                "PTA rules 5 and 7; the bench notes the rules say nothing about banning "
                "platforms and that the PTA itself uses X. A last chance is given.",
                "next": "2025-04-08",
                "sources": [
                    "https://www.pakistantoday.com.pk/2025/03/21/lhc-gives-pta-chief-last-chance-for-x-ban-lifting/"
                ],
            },
            {
                "date": "2025-04-08",
                "bench": LHC_FULL,
                "result": "summoned",
                "what": "The Attorney General is summoned to explain the legal status of the "
                "ministry's notification.",
                "summoned": "Attorney General for Pakistan",
                "next": "2025-04-17",
                "sources": [
                    "https://dunyanews.tv/en/Pakistan/877529-lhc-summons-agp-in-pleas-against-x-ban"
                ],
            },
            {
                "date": "2025-04-17",
                "bench": LHC_FULL,
                "result": "scheduled",
                "what": "Date fixed for the Attorney General to appear; no report of the "
                "outcome was found.",
                "sources": [
                    "https://www.urdupoint.com/en/pakistan/lhc-summons-attorney-general-over-x-ban-1958847.html"
                ],
            },
            {
                "date": "2025-04-24",
                "bench": LHC_FULL,
                "result": "adjourned",
                "what": "Adjourned because the Attorney General was at a national security "
                "meeting in Islamabad.",
                "next_note": "to be fixed after 10 May",
                "sources": [
                    "https://www.brecorder.com/news/40359452/ban-on-x-lhc-adjourns-proceedings"
                ],
            },
            {
                "date": "2025-11-24",
                "result": "disposed_of",
                "what": "The petitions are disposed of because X has been restored. The "
                "slow-internet complaint goes to the law and IT ministries, with reports to "
                "the registrar every fortnight.",
                "sources": ["https://www.dawn.com/news/1957164/pleas-against-ban-on-x-disposed-of"],
            },
        ],
        "orders": [
            {
                "title": "LHC summons the Attorney General over the X ban",
                "kind": "summons",
                "date": "2025-04-08",
                "hearing": "2025-04-08",
                "summary": "The AGP must explain the legal status of the ministry's notification.",
                "sources": [
                    "https://dunyanews.tv/en/Pakistan/877529-lhc-summons-agp-in-pleas-against-x-ban"
                ],
            },
            {
                "title": "LHC disposes of the X petitions",
                "kind": "disposal",
                "date": "2025-11-24",
                "hearing": "2025-11-24",
                "summary": "Disposed of as X is restored; slow internet referred to the law and IT "
                "ministries with fortnightly reports.",
                "sources": ["https://www.dawn.com/news/1957164/pleas-against-ban-on-x-disposed-of"],
            },
        ],
        "status_changes": [
            (
                "2024-10-22",
                "notice_issued",
                "adjourned_sine_die",
                "Adjourned sine die.",
                "https://www.dawn.com/news/1867002",
            ),
            (
                "2025-03-14",
                "adjourned_sine_die",
                "replies_awaited",
                "Reports sought.",
                "https://www.dawn.com/news/1897967/lhc-asks-govt-to-explain-its-use-of-x-despite-ban",
            ),
            (
                "2025-11-24",
                "replies_awaited",
                "disposed_of",
                "Disposed of: X restored.",
                "https://www.dawn.com/news/1957164/pleas-against-ban-on-x-disposed-of",
            ),
        ],
    },
    {
        "slug": "phc-x-closure-2024",
        "court": "PHC",
        "title": "Petition against the closure of X (Peshawar High Court, 2024)",
        "subject": "Challenges the closure of X.",
        "respondents": ["Federation of Pakistan", "Pakistan Telecommunication Authority"],
        "status": "replies_awaited",
        "incidents": [X_BAN],
        "hearings": [
            {
                "date": "2024-03-21",
                "bench": (
                    "Bench of Justices Ijaz Anwar and Waqar Ahmad",
                    ["Justice Ijaz Anwar", "Justice Waqar Ahmad"],
                    "division",
                ),
                "result": "reply_sought",
                "precision": "inferred",
                "what": "Replies sought from the federal government and the PTA.",
                "sources": [
                    "https://thefrontierpost.com/peshawar-high-court-seeks-replies-from-government-pta-in-x-shutdown-case/"
                ],
            },
        ],
    },
    {
        "slug": "phc-kakakhel-x-ban",
        "court": "PHC",
        "title": "Nauman Muhib Kakakhel v. Ministry of Interior (X ban)",
        "subject": "An advocate's petition against the nationwide block of X.",
        "petitioners": ["Nauman Muhib Kakakhel"],
        "respondents": ["Ministry of Interior"],
        "status": "notice_issued",
        "incidents": [X_BAN],
        "hearings": [
            {
                "date": "2025-04-10",
                "bench": (
                    "Bench of Justices Naeem Anwar and Fazal Subhan",
                    ["Justice Naeem Anwar", "Justice Fazal Subhan"],
                    "division",
                ),
                "result": "notice_issued",
                "what": "Notice to the Ministry of Interior. PTI and LatestLY date this hearing "
                "Wednesday 9 April.",
                "sources": [
                    "https://www.urdupoint.com/en/pakistan/phc-issues-notice-to-interior-ministry-over-b-1960130.html"
                ],
            },
        ],
        "orders": [
            {
                "title": "PHC notice to the Ministry of Interior on the X ban",
                "kind": "notice",
                "date": "2025-04-10",
                "hearing": "2025-04-10",
                "summary": "The ministry must respond to the petition.",
                "sources": [
                    "https://www.urdupoint.com/en/pakistan/phc-issues-notice-to-interior-ministry-over-b-1960130.html"
                ],
            },
        ],
    },
    {
        "slug": "lhc-jafar-bin-yar-peca-amendment",
        "court": "LHC",
        "title": "Jafar bin Yar v. Federation of Pakistan (PECA amendment 2025)",
        "subject": "A journalist challenges the PECA (Amendment) Act 2025, including the new "
        'offence of spreading "false" information.',
        "filed_on": "2025-01-29",
        "petitioners": ["Jafar bin Yar"],
        "respondents": ["Federation of Pakistan"],
        "status": "replies_awaited",
        "laws": ["Prevention of Electronic Crimes (Amendment) Act 2025"],
        "sources": ["https://pakistansafetycoalition.org/?p=13571"],
        "hearings": [
            {
                "date": "2025-01-31",
                "bench": ("Justice Farooq Haider", ["Justice Farooq Haider"], "single"),
                "result": "notice_issued",
                "what": "The court declines to suspend the amendment at once and issues "
                "notices, with replies due in three weeks.",
                "sources": [
                    "https://www.urdupoint.com/en/pakistan/lhc-declines-plea-to-immediately-suspend-peca-1915672.html"
                ],
            },
        ],
    },
]

CONSOLIDATIONS = [
    {
        "case": "shc-jibran-nasir-x-ban",
        "with_case": "shc-election-shutdown-petitions",
        "from": "2024-03-20",
        "separated_on": "2024-12-10",
        "note": "Four petitions clubbed on 20 March 2024; the X petitions were separated from the "
        "main petition on 10 December 2024.",
        "sources": [
            MOI_LETTER,
            "https://www.urdupoint.com/daily/livenews/2024-12-10/news-4258074.html",
        ],
    },
]

STATEMENTS = [
    {
        "date": "2024-03-13",
        "title": "Civil-society statement on continued network shutdowns and platform blocking",
        "url": "https://mediamatters.pk/civil-society-statement-on-continued-network-shutdowns-and-platform-blocking-in-pakistan/",
        "summary": "Calls for X to be unblocked, for section 37 of PECA to be repealed and for "
        "VPN throttling to stop, noting that the PTA has given no reasons.",
        "actors": ["Media Matters for Democracy"],
        "incidents": [X_BAN],
        "sources": [
            "https://mediamatters.pk/civil-society-statement-on-continued-network-shutdowns-and-platform-blocking-in-pakistan/"
        ],
    },
    {
        "date": "2024-03-17",
        "title": "Amnesty International and civil-society groups call for X to be restored",
        "url": "https://www.newswire.com.pk/2024/03/17/amnesty-intl/",
        "summary": "A joint call by Amnesty International and other organisations; reports count "
        "28 or 31 co-signing groups.",
        "actors": ["Amnesty International"],
        "incidents": [X_BAN],
        "sources": ["https://www.newswire.com.pk/2024/03/17/amnesty-intl/"],
    },
    {
        "date": "2024-04-17",
        "title": "X says it is working with the government to understand its concerns",
        "url": "https://indianeconomicobserver.com/news/elon-musks-x-says-working-with-pakistan-government-to-understand-concerns20240418145921",
        "summary": "The company's first public comment on the block, posted late on 17 April "
        "(reported by some on 18 April).",
        "actors": ["X Corp."],
        "incidents": [X_BAN],
        "sources": [
            "https://indianeconomicobserver.com/news/elon-musks-x-says-working-with-pakistan-government-to-understand-concerns20240418145921"
        ],
    },
]

CAMPAIGNS = [
    {
        "name": "Restore X",
        "hashtags": "#RestoreX #internetkholo",
        "start_date": "2024-04-05",
        "url": "https://digitalrightsmonitor.pk/pakistan-online-campaign-launched-against-prolonged-x-suspension",
        "summary": "Media Matters for Democracy's online campaign against the prolonged "
        "suspension of X.",
        "organisers": ["Media Matters for Democracy"],
        "incidents": [X_BAN],
        "sources": [
            "https://digitalrightsmonitor.pk/pakistan-online-campaign-launched-against-prolonged-x-suspension",
            "https://ifex.org/pakistan-online-campaign-launched-against-prolonged-x-suspension",
        ],
    },
]
