"""Demo stories about other digital-rights incidents in Pakistan, 2024-2025.

Shutdowns, throttling, the firewall, VPN restrictions, PECA, cable faults and the indices that
measure them. Facts and sources from ../shared/reference/pakistan-timeline.md, in our words.
"""

from datetime import timedelta

from drmonitor.newsroom.demo_records import (
    DemoArticle,
    DocLink,
    Heading,
    Para,
    Picture,
    Post,
    Quote,
)

NEWS = "drm-exclusive/news"
STOP = ("Access Now #KeepItOn STOP data", "https://www.accessnow.org/keepiton-data-spreadsheet")

INCIDENT_STORIES: list[DemoArticle] = [
    DemoArticle(
        slug="sheconnects-women-voices-x-ban",
        title="SheConnects: what a platform ban takes from women who work online",
        section="gender-tech/sheconnects",
        date="2024-03-08 11:00",
        authors=("sana-mirza",),
        standfirst=(
            "On International Women's Day, three weeks into the X block, we look at who pays "
            "when a public platform disappears overnight."
        ),
        image="sheconnects",
        tags=("X ban", "Gender", "SheConnects", "VPN"),
        body=(
            Para(
                "X has been unreachable in Pakistan without a VPN since 17 February 2024. "
                "Most coverage has focused on politics, but a platform ban also removes a "
                "workplace. Women journalists, freelancers and activists who built audiences "
                "on X now face a choice between going silent and using tools that bring "
                "their own risks."
            ),
            Heading("Visibility, safety and VPNs"),
            Para(
                "For many women, a public account is both a livelihood and a shield: it is "
                "where they are seen, hired and defended. Moving to VPNs means trusting "
                "unknown providers with their traffic, often through free apps whose business "
                "model is the user's data. Digital-security trainers have long advised "
                "against such apps, especially for people who already face harassment."
            ),
            Para(
                "The block also breaks the channels used to report abuse and to organise "
                "support. When a platform disappears, so do the networks of solidarity that "
                "women have built on it, while the harassment simply moves elsewhere."
            ),
            Quote(
                "Access is not a luxury for women online. It is often the only public space "
                "they are allowed to hold.",
                "SheConnects desk, DRM",
            ),
            Para(
                "SheConnects will keep documenting how shutdowns and blocks affect women and "
                "gender minorities. So far PTA has given no public reasons for the block. "
                "If you are a woman journalist or creator whose work has been affected by "
                "the block, SheConnects would like to hear from you, in confidence if you "
                "prefer. "
                "Write to us through the contact page; we read every message."
            ),
        ),
        sources=(
            ("OONI Explorer", "https://explorer.ooni.org/findings/255040833200"),
            (
                "Business Recorder",
                "https://www.brecorder.com/news/40290002/x-faces-disruption-in-pakistan-for-5th-co"
                "nsecutive-day-netblocks",
            ),
        ),
    ),
    DemoArticle(
        slug="international-standards-internet-shutdowns",
        title="What international law says about internet shutdowns, as AJK goes offline",
        section="resources/international-frameworks",
        date="2024-05-14 13:00",
        authors=("farhan-iqbal",),
        standfirst=(
            "A short guide to the standards Pakistan has signed up to, written as internet "
            "services in Azad Jammu and Kashmir were suspended during protests."
        ),
        image="international-law",
        tags=("Internet shutdowns", "International law", "AJK"),
        body=(
            Para(
                "Internet services were suspended in Azad Jammu and Kashmir from 12 to 14 May "
                "2024 during protests, according to Access Now's STOP dataset. It is a good "
                "moment to recall what international human-rights law says about such "
                "measures."
            ),
            Heading("Article 19 and its three tests"),
            Para(
                "The International Covenant on Civil and Political Rights, which Pakistan has "
                "ratified, protects the freedom to seek, receive and impart information "
                "through any media. Restrictions are allowed only if they are provided by "
                "law, pursue a legitimate aim such as national security or public order, and "
                "are necessary and proportionate to that aim."
            ),
            Para(
                "A region-wide shutdown struggles to pass the last test. It cuts off "
                "hospitals, banks, students and families along with any protest organisers, "
                "and it prevents the reporting that would show whether the security concern "
                "was real."
            ),
            Heading("The domestic record"),
            Para(
                "Pakistan's courts have wrestled with the same question. In February 2018 "
                "the Islamabad High Court held mobile network suspensions unlawful except "
                "after a proclamation of emergency under section 54(3) of the PTA Act; in "
                "April 2020 the Supreme Court set that ruling aside. The legal basis for "
                "shutdowns therefore remains contested, and international standards are a "
                "yardstick that petitioners keep returning to. "
                "The same standards apply to platform blocks such as the suspension of X: a"
                " restriction must be set out in law, serve a legitimate aim and go no "
                "further than necessary."
            ),
        ),
        sources=(
            STOP,
            (
                "OHCHR: ICCPR",
                "https://www.ohchr.org/en/instruments-mechanisms/instruments/international-covenan"
                "t-civil-and-political-rights",
            ),
            (
                "IHRB",
                "https://www.ihrb.org/news/mobile-network-shutdowns-declared-illegal-in-pakistan",
            ),
            (
                "The Nation",
                "https://www.nation.com.pk/23-Apr-2020/sc-sets-aside-ihc-verdict-on-mobile-phone-s"
                "ervices",
            ),
        ),
    ),
    DemoArticle(
        slug="firewall-summer-explained",
        title="The firewall summer: how Pakistan's internet slowed down in 2024",
        section="drm-exclusive/features",
        date="2024-08-19 10:00",
        authors=("bilal-qureshi", "sana-mirza"),
        standfirst=(
            "Failed WhatsApp downloads, slow mobile data and a trial of deep packet "
            "inspection: piecing together what happened to the network since July."
        ),
        image="firewall",
        extra_sections=("trends-monitor",),
        tags=("Firewall", "Throttling", "WhatsApp", "PTA", "VPN"),
        body=(
            Para(
                "It began with pictures that would not load. On 20 July 2024 WhatsApp users "
                "found that photos, voice notes and documents failed to send or download on "
                "mobile data. PTA called it a possible technical glitch; activists linked it "
                "to a new firewall. Six days later the IT ministry itself attributed the "
                "social-media slowdown to the testing of a new firewall."
            ),
            Heading("A second trial"),
            Para(
                "By mid-August reports tied weeks of slow mobile data and failed WhatsApp "
                "media to a second trial of the system, described as deep packet inspection, "
                "which lets operators look inside traffic to classify and slow it. On 18 "
                "August the Minister of State for IT, Shaza Fatima, denied any deliberate "
                "slowdown and blamed heavy VPN use, while an IT industry association said "
                "networks had been up to 40 per cent slower since July."
            ),
            Picture(
                "firewall-layers",
                caption="Layers of filtering: our artwork for the firewall trials.",
            ),
            Heading("Older than it looks, and unexplained"),
            Para(
                "On 19 August documents reported by Daily Pakistan showed that a national "
                "firewall had been discussed at the Prime Minister's Office on 22 October "
                "2020, with a follow-up letter on 4 November 2020, under the PTI government. "
                "The project has outlived the governments that planned and installed it. "
                "No official document describes what the system filters, under which law, or "
                "who reviews its use. That silence is the story: a tool able to slow any "
                "service for everyone has been switched on with no public rules."
            ),
        ),
        sources=(
            ("Daily Point", "https://dailypointpk.com/english/?p=17019"),
            (
                "Adnkronos",
                "https://www.adnkronos.com/rassegna-stampa/inglese/pakistan-new-firewall-system-ca"
                "uses-slowdowns-on-social-media_dyQvnlYhixaGmYpr9UrMm",
            ),
            (
                "Daily Pakistan",
                "https://en.dailypakistan.com.pk/15-Aug-2024/when-will-social-media-apps-internet-"
                "services-be-fully-restored-in-pakistan",
            ),
            ("TRT World", "https://www.trtworld.com/article/18197299"),
            (
                "Daily Pakistan",
                "https://en.dailypakistan.com.pk/19-Aug-2024/imran-khan-led-pti-govt-initiated-nat"
                "ional-firewall-plan-in-2020-documents-reveal",
            ),
        ),
    ),
    DemoArticle(
        slug="freedom-on-the-net-2024-pakistan",
        title="Freedom on the Net 2024: Pakistan scores 27 out of 100, 'Not Free'",
        section="resources/research",
        date="2024-10-31 12:00",
        authors=("farhan-iqbal",),
        standfirst=(
            "Freedom House's annual index keeps Pakistan among the countries where internet "
            "freedom is most restricted, after a year of shutdowns and platform blocks."
        ),
        image="fotn-2024",
        tags=("Research", "Freedom on the Net", "Internet shutdowns", "X ban"),
        body=(
            Para(
                "Freedom House's Freedom on the Net 2024 report, published in October, gives "
                "Pakistan 27 points out of 100 and rates it \u201cNot Free\u201d. The index "
                "looks at three areas: obstacles to access, limits on content and violations "
                "of users' rights."
            ),
            Heading("A year that explains the score"),
            Para(
                "The months it reflects include the mobile shutdown on election day and"
                " the block of X from 17 February, which touch two parts of the index "
                "at once: access to the network and limits on content."
            ),
            Para(
                "Indices like this one are blunt instruments, but they are useful for two "
                "reasons. They let readers compare Pakistan with its neighbours over time, "
                "and they give courts and parliamentarians an independent record that does "
                "not depend on government statements."
            ),
            Quote(
                "A score is a summary. The incidents behind it are what readers should remember.",
                "DRM research desk",
            ),
            Para(
                "DRM's incident tracker lists the individual shutdowns and blocks of the "
                "year, each with its sources, for readers who want to check the record "
                "behind the number. "
                "Annual indices cover a fixed period, so some of this year's later "
                "events, such as the summer's firewall trials and the VPN measures of "
                "November, may only appear in the next edition. Readers comparing "
                "scores across years should also remember that small changes can reflect "
                "changes in method as well as in practice. The overall picture, however, "
                "has been consistent for a decade. "
                "We will compare it with the next edition."
            ),
        ),
        sources=(("Dawn", "https://www.dawn.com/news/1865874"),),
    ),
    DemoArticle(
        slug="moi-asks-pta-block-illegal-vpns",
        title="Interior ministry asks PTA to block 'illegal' VPNs, citing terrorism",
        section=NEWS,
        date="2024-11-15 20:45",
        authors=("bilal-qureshi",),
        standfirst=(
            "Unregistered VPNs face a 30 November deadline, as mobile internet is also "
            "suspended in parts of Balochistan and a religious council weighs in."
        ),
        image="vpn-lock",
        tags=("VPN", "PTA", "Ministry of Interior", "Balochistan", "Internet shutdowns"),
        body=(
            Para(
                "The Ministry of Interior has written to PTA asking it to block "
                "\u201cillegal\u201d VPNs, saying terrorists use them. Users and businesses "
                "have until 30 November 2024 to register their VPNs, according to the "
                "letter reported on 15 November."
            ),
            Para(
                "The move follows a week of confusion. On 10 November VPNs stopped working "
                "across the country for a period, and on 13 November PTA said VPN use would "
                "be restricted, citing pornographic and blasphemous content."
            ),
            Heading("A religious ruling"),
            Para(
                "Also on 15 November, the chair of the Council of Islamic Ideology, Raghib "
                "Naeemi, said that using VPNs to reach illegal or blocked content is against "
                "Sharia. The same day PTA confirmed that mobile internet had been temporarily "
                "suspended in parts of Balochistan."
            ),
            Picture(
                "vpn-tunnel",
                caption="Through the wall: VPNs carry traffic past national filters.",
            ),
            Para(
                "VPNs are everyday tools for banks, software houses, freelancers and "
                "journalists; since February they have also been the only way to reach X. A "
                "registration regime turns a privacy tool into a licence, and makes every "
                "unregistered user a suspect. "
                "Questions remain unanswered: what counts as an illegal VPN, what data "
                "registration collects, and what happens to users who miss the deadline. "
                "In August the PTA chairman told a Senate committee that VPN "
                "whitelisting was under way and that all VPNs could be blocked. DRM "
                "will publish any rules the authority issues. "
                "We will report on the deadline as it approaches."
            ),
        ),
        sources=(
            (
                "The Express Tribune",
                "https://tribune.com.pk/story/2484872/pta-to-lift-x-ban-at-govts-behest",
            ),
            (
                "The Nation",
                "https://www.nation.com.pk/15-Nov-2024/interior-ministry-urges-pta-to-crack-down-o"
                "n-illegal-vpns",
            ),
            (
                "Daily Times",
                "https://dailytimes.com.pk/1239994/interior-ministry-seeks-ban-on-vpns-citing-terr"
                "or-concerns/",
            ),
            (
                "Dunya News",
                "https://dunyanews.tv/en/Pakistan/850793-council-of-islamic-ideology-declares-vpn-"
                "use-unislamic",
            ),
            (
                "Business Recorder",
                "https://www.brecorder.com/news/40332797/internet-services-suspended-in-parts-of-b"
                "alochistan-ministry-seeks-countrywide-vpns-blockage",
            ),
        ),
    ),
    DemoArticle(
        slug="privacyhumsabke-vpn-registration",
        title="#PrivacyHumSabKe: registering your VPN means registering yourself",
        section="drm-exclusive/campaigns/privacyhumsabke",
        date="2024-11-18 15:00",
        authors=("sana-mirza", "farhan-iqbal"),
        standfirst=(
            "As PTA trials blocking unregistered VPNs, our privacy campaign explains what "
            "registration asks of you and what it exposes."
        ),
        image="privacy-campaign",
        tags=("#PrivacyHumSabKe", "VPN", "Privacy", "PTA"),
        body=(
            Para(
                "PTA said on 18 November 2024 that it had completed a first trial of blocking "
                "unregistered VPNs. Registration, which the interior ministry wants finished "
                "by 30 November, is presented as a formality. Our #PrivacyHumSabKe campaign "
                "(\u201cprivacy is for all of us\u201d) asks what it really involves."
            ),
            Heading("What registration records"),
            Para(
                "To register a VPN, a user or company links an identity to the connection "
                "the VPN uses. That creates a list of people who chose to protect their "
                "traffic, held by the same authority that blocks content. Nothing public "
                "says how long the list is kept, who may see it, or whether it is ever "
                "deleted."
            ),
            Para(
                "Until a data protection law answers those questions, every registry is"
                " a promise without a remedy."
            ),
            Heading("What you can do"),
            Para(
                "Use VPNs from providers that publish audited no-logs policies, avoid free "
                "apps that sell data, keep your phone's software updated, and talk to your "
                "employer about which tools it has registered on your behalf. Privacy is not "
                "a sign of guilt; it is a right that belongs to all of us. "
                "The campaign will publish short guides in Urdu and English over the coming"
                " weeks, covering phone security, safe messaging and what to do if your "
                "account is compromised. Share them with family members, who are often the "
                "least protected and the most targeted. Tell us which topics you want "
                "covered next. "
                "Privacy is a right of every user, not a privilege of a few."
            ),
        ),
        sources=(
            (
                "ProPakistani",
                "https://propakistani.pk/2024/11/18/pta-completes-initial-trial-to-block-illegal-v"
                "pns-starting-december/",
            ),
            (
                "The Nation",
                "https://www.nation.com.pk/15-Nov-2024/interior-ministry-urges-pta-to-crack-down-o"
                "n-illegal-vpns",
            ),
        ),
    ),
    DemoArticle(
        slug="comment-vpn-fatwa-typo",
        title="Comment: the VPN ruling, the missing 'not', and who pays for the confusion",
        section="drm-exclusive/comment",
        date="2024-11-21 09:30",
        authors=("farhan-iqbal",),
        standfirst=(
            "A declaration on VPNs was withdrawn as a typo within days. The anxiety it caused "
            "was real, and so is the policy behind it."
        ),
        image="typo",
        tags=("VPN", "Comment", "PTA"),
        body=(
            Para(
                "On 15 November the chair of the Council of Islamic Ideology said that using VPNs "
                "to reach illegal or blocked content was against Sharia. Five days later he blamed"
                " a typo, a missing \u201cnot\u201d, for the declaration. By then the statement "
                "had been widely shared."
            ),
            Para(
                "It is tempting to laugh. But the episode shows how policy on the internet "
                "is being made in Pakistan: by letters, statements and trials, each partial, "
                "none debated, and each leaving ordinary users guessing what is allowed."
            ),
            Heading("The real question"),
            Para(
                "The interior ministry wants unregistered VPNs blocked. PTA has run one trial "
                "and promises more. The religious ruling, typo or not, gave moral cover to a "
                "technical restriction whose legal basis nobody has explained. Freelancers "
                "who earn in dollars, students using foreign libraries and journalists "
                "protecting sources are all left to wonder whether their tools are about to "
                "stop working."
            ),
            Quote(
                "Good internet policy is written down, debated and reviewed. Ours arrives by "
                "press conference and is corrected by press conference.",
                "Farhan Iqbal",
            ),
            Para(
                "Corrections are welcome. A law that says who may restrict what, and how "
                "citizens can challenge it, would be more welcome still. "
                "The costs of this confusion fall on the people least able to absorb them: "
                "small firms and individual workers without a legal department to interpret"
                " each announcement. "
                "That is not a high bar to set. "
                "Until then, confusion will remain the policy."
            ),
        ),
        sources=(
            (
                "Dunya News",
                "https://dunyanews.tv/en/Pakistan/850793-council-of-islamic-ideology-declares-vpn-"
                "use-unislamic",
            ),
            (
                "ProPakistani",
                "https://propakistani.pk/2024/11/20/islamic-council-takes-u-turn-on-controversial-"
                "vpn-fatwa/",
            ),
        ),
    ),
    DemoArticle(
        slug="trends-autumn-of-shutdowns-2024",
        title="Trends Monitor: an autumn of shutdowns, from D-Chowk to the November march",
        section="trends-monitor",
        date="2024-11-25 12:00",
        authors=("drm",),
        standfirst=(
            "Protest after protest, the response was the same: cut the mobile network, slow "
            "the apps and block the newest platform. A review of October and November 2024."
        ),
        image="autumn-shutdowns",
        tags=("Internet shutdowns", "Throttling", "Firewall", "WhatsApp", "Bluesky", "Balochistan"),
        body=(
            Para(
                "Mobile and internet services were suspended in Islamabad and Rawalpindi on 4 "
                "October 2024, with disruption also reported in Karachi, ahead of PTI's "
                "protest at D-Chowk. Service in the twin cities returned on 6 October after "
                "more than 50 hours. STOP records the episode from 3 to 7 October."
            ),
            Heading("November, step by step"),
            Para(
                "On 15 November PTA confirmed that mobile internet was suspended in parts of "
                "Balochistan; STOP dates that shutdown from 11 November across more than 13 "
                "districts. On 20 November NetBlocks confirmed that Bluesky, a newer social "
                "platform, was restricted in Pakistan."
            ),
            Para(
                "On 22 November PTA activated a firewall on mobile internet, slowing social "
                "media apps ahead of PTI's 24 November protest. The next day the interior "
                "ministry ordered mobile internet and Wi-Fi suspended from midnight in "
                "Islamabad, Rawalpindi, Lahore and Multan, and NetBlocks reported WhatsApp's "
                "backend servers restricted. Some outlets report the WhatsApp restriction on "
                "24 November."
            ),
            Post("https://x.com/netblocks", "NetBlocks' live reports on X"),
            Para(
                "The toolkit is now complete: regional shutdowns, city-wide suspensions, "
                "platform blocks and throttling through the firewall. What is missing is any "
                "public order, time limit or review. "
                "Readers can find each of these episodes, with their dates and sources, in "
                "DRM's incident tracker, where disputed dates are shown side by side. "
                "We will continue to log each episode as it happens."
            ),
        ),
        sources=(
            (
                "The Nation",
                "https://www.nation.com.pk/04-Oct-2024/internet-mobile-services-suspended-ahead-of"
                "-pti-protest",
            ),
            (
                "ARY News",
                "https://arynews.tv/mobile-phone-service-restored-in-islamabad-rawalpindi/",
            ),
            (
                "Business Recorder",
                "https://www.brecorder.com/news/40332797/internet-services-suspended-in-parts-of-b"
                "alochistan-ministry-seeks-countrywide-vpns-blockage",
            ),
            (
                "Tom's Guide",
                "https://www.tomsguide.com/computing/online-security/bluesky-blocked-in-pakistan-a"
                "s-internet-freedoms-continue-to-be-curtailed",
            ),
            (
                "ARY News",
                "https://arynews.tv/pti-protest-major-cities-to-face-internet-suspension-starting-"
                "23-nov/",
            ),
            (
                "TechCrayon",
                "https://techcrayon.com/2024/11/25/pakistan-blocks-yet-another-social-media-app",
            ),
            STOP,
        ),
    ),
    DemoArticle(
        slug="top10vpn-x-block-cost-2024",
        title="X block cost Pakistan about $1.34bn in 2024, Top10VPN estimates",
        section="in-media/news",
        date="2025-01-02 14:00",
        authors=("drm",),
        standfirst=(
            "Pakistan tops the 2024 table of the cost of internet shutdowns at $1.62bn, "
            "according to figures reported by Arab News."
        ),
        image="cost-of-shutdowns",
        extra_sections=("infographics",),
        tags=("X ban", "Internet shutdowns", "Economy", "Top10VPN"),
        body=(
            Para(
                "The block of X cost Pakistan's economy about $1.34 billion in 2024, "
                "according to Top10VPN's annual estimate of the cost of internet shutdowns, "
                "as reported by Arab News on 2 January 2025. Across all shutdowns and blocks, "
                "Pakistan tops the 2024 table at $1.62 billion."
            ),
            Heading("How the estimate works"),
            Para(
                "Top10VPN's figures combine the length of each shutdown or block with "
                "estimates of the economic activity that depends on the affected service. "
                "They are estimates, not audited losses, but they use the same method for "
                "every country and so allow comparison from year to year."
            ),
            Picture("cost-bars"),
            Para(
                "Note that Top10VPN counts the X block from 18 February 2024, one day later "
                "than NetBlocks and OONI. The difference barely moves the total, but it is "
                "one reason why published figures differ slightly."
            ),
            Para(
                "The estimate gives weight to an argument that businesses and freelancers "
                "have made all year: restrictions imposed for security reasons carry a price "
                "that the public pays, and that nobody in government has had to justify. "
                "Other costs are harder to count: the reporting that did not happen, the "
                "customers who never found a small business online, the students who could "
                "not follow a lecture. Those losses do not appear in any table, but they "
                "are part of what a platform block takes away. DRM will examine the figures"
                " in more detail in our annual review of shutdowns. "
                "In the chart above, the middle bar is our own subtraction of the X block "
                "from Top10VPN's total."
            ),
        ),
        sources=(("Arab News", "https://www.arabnews.pk/node/2585206"),),
    ),
    DemoArticle(
        slug="infographic-undersea-cable-faults",
        title="Infographic: the undersea cables that carry Pakistan's internet, and when they fail",
        section="infographics",
        date="2025-01-03 11:00",
        authors=("bilal-qureshi",),
        standfirst=(
            "A fault in the AAE-1 cable near Qatar is slowing connections nationwide. Here is "
            "why one cut among seven can be felt by everyone."
        ),
        image="cables",
        tags=("Cable faults", "Infrastructure", "PTA", "Internet speed"),
        body=(
            Para(
                "PTA said on 2 January 2025 that a fault in the AAE-1 submarine cable near "
                "Qatar, one of seven cables that connect Pakistan to the world, might affect "
                "users across the country. PTCL expected service to recover by 4 January."
            ),
            Picture("cable-map"),
            Heading("Why one fault is felt everywhere"),
            Para(
                "When a cable fails, operators reroute its traffic over the remaining cables, "
                "which fill up at peak hours. Pages load slowly and video stalls even though "
                "nothing is blocked. It has happened before: on 17 June 2024 a fault in the "
                "SMW4 cable slowed the internet at peak hours."
            ),
            Para(
                "Cable faults are accidents, not censorship, but they matter for rights too. "
                "With only seven international cables, the network has little slack, and "
                "slowdowns caused by faults are easily confused with deliberate throttling. "
                "Clear public notices from PTA and the operators help users tell the two "
                "apart. "
                "The diagram above shows the seven cables PTA counts, with AAE-1 marked as "
                "faulty: when one fails, its traffic moves onto the other six. It is a "
                "schematic, not a map of routes, and only two of the cables are named in "
                "the reports we cite. Repairs "
                "at sea can take days or weeks, depending on the availability of repair "
                "ships and the depth of the fault, which is why the estimated recovery "
                "dates given by operators sometimes slip. "
                "Meanwhile, a slow connection during a cable fault is a symptom to report,"
                " with the time and the operator, not a mystery to endure."
            ),
        ),
        sources=(
            (
                "Pakistan Press Foundation",
                "https://www.pakistanpressfoundation.org/pakistanis-face-internet-disruptions-due-"
                "to-fault-in-aae-1-cable-near-qatar/",
            ),
            (
                "ProPakistani",
                "https://propakistani.pk/2024/06/17/fault-in-submarine-cable-is-disrupting-interne"
                "t-in-pakistan-once-again/",
            ),
        ),
    ),
    DemoArticle(
        slug="peca-amendment-2025-explained",
        title="PECA amendment 2025 explained: section 26A, a new authority and new tribunals",
        section="resources/laws-and-policies",
        date="2025-01-29 21:00",
        authors=("farhan-iqbal",),
        standfirst=(
            "Passed by both houses in under a week and signed by the President, the "
            "amendment criminalises 'false' information and builds a new regulatory apparatus."
        ),
        image="peca",
        extra_sections=(NEWS,),
        tags=("PECA", "Laws and policies", "Freedom of expression"),
        body=(
            Para(
                "President Asif Ali Zardari signed the Prevention of Electronic Crimes "
                "(Amendment) Act 2025 on 29 January 2025, together with the Digital Nation "
                "Pakistan Bill. The National Assembly had passed the bill within minutes on "
                "23 January while opposition members and journalists walked out; the Senate "
                "passed it on 28 January."
            ),
            Heading("What changes"),
            Para(
                "The new section 26A makes it an offence to spread \u201cfalse\u201d or "
                "\u201cfake\u201d information, punishable with up to three years in prison, a "
                "fine of up to Rs2 million, or both. The Act also creates a Social Media "
                "Protection and Regulatory Authority (SMPRA), a National Cyber Crime "
                "Investigation Agency (NCCIA) and a Social Media Protection Tribunal."
            ),
            DocLink("peca-at-a-glance", "PECA amendment 2025 at a glance (PDF)"),
            Heading("The first challenge"),
            Para(
                "On the day the amendment became law, journalist Jafar bin Yar challenged it in "
                "the Lahore High Court. Critics warn that an offence defined by falsehood, judged "
                "first by a regulator rather than a court, invites selective use against reporters"
                " and critics. The idea of a new regulator is not new either: in May 2024 the "
                "Prime Minister approved a draft PECA amendment that would have created a digital "
                "rights protection authority. DRM will follow the challenge and the appointments "
                "to the new bodies, and will publish the rules the authority adopts. Readers can "
                "download our one-page summary above and compare it with the text of the Act as it"
                " is applied. "
                "Corrections and questions are welcome."
            ),
        ),
        sources=(
            (
                "DNA News",
                "https://dnanews.com.pk/na-unanimously-approves-amendments-to-contentious-peca-law"
                "/",
            ),
            (
                "ARY News",
                "https://arynews.tv/peca-amendment-bill-2025-signed-into-law-by-president-zardari/",
            ),
            (
                "PhoneWorld",
                "https://www.phoneworld.com.pk/pm-approves-peca-amendment-bill-to-regulate-social-"
                "media/",
            ),
            ("Pakistan Safety Coalition", "https://pakistansafetycoalition.org/?p=13571"),
        ),
    ),
    DemoArticle(
        slug="op-ed-peca-26a-fake-news",
        title="Op-ed: Who decides what is 'fake'? Section 26A and the courts",
        section="in-media/op-eds",
        date="2025-02-05 08:30",
        authors=("zainab-hussain",),
        standfirst=(
            "The PECA amendment is now before the Lahore High Court and the Supreme Court. "
            "The judges will have to answer a question Parliament skipped."
        ),
        image="op-ed-peca",
        tags=("PECA", "Court cases", "Lahore High Court", "Freedom of expression"),
        body=(
            Para(
                "Within a week of becoming law, the PECA amendment reached two courts. On 31 "
                "January 2025 Justice Farooq Haider of the Lahore High Court declined to "
                "suspend it immediately, issued notices and asked for replies within three "
                "weeks. On 4 February it was challenged in the Supreme Court."
            ),
            Heading("The problem with 'false'"),
            Para(
                "Section 26A punishes information that is false or fake. But journalism "
                "rarely deals in certainties: early reports are corrected, officials deny "
                "what later proves true, and yesterday's rumour becomes today's confirmed "
                "story. A law that punishes the wrong guess invites silence on anything that "
                "cannot yet be proven."
            ),
            Para(
                "The amendment also leaves the first judgement to a new regulator and a new "
                "tribunal, rather than to ordinary courts. That reverses the usual order, "
                "in which speech is free until a court finds it unlawful."
            ),
            Quote(
                "The test of a speech law is not how it treats liars. It is how it treats "
                "reporters who got there first.",
                "Zainab Hussain",
            ),
            Para(
                "The courts cannot rewrite the law, but they can insist on narrow readings, "
                "clear definitions and real safeguards. That is the least the public is "
                "owed by a bill passed in minutes. "
                "Zainab Hussain is DRM's Lahore correspondent; this piece first appeared in"
                " print and is republished here. "
                "The views expressed are the author's own and do not necessarily reflect "
                "DRM's editorial position. "
                "Responses are welcome and may be published."
            ),
        ),
        sources=(
            (
                "UrduPoint",
                "https://www.urdupoint.com/en/pakistan/lhc-declines-plea-to-immediately-suspend-pe"
                "ca-1915672.html",
            ),
            ("News Pakistan", "https://newspakistan.tv/peca-act-challenged-in-scp/"),
            (
                "DNA News",
                "https://dnanews.com.pk/na-unanimously-approves-amendments-to-contentious-peca-law"
                "/",
            ),
        ),
    ),
    DemoArticle(
        slug="vodcast-a-year-without-x",
        title="Vodcast: a year without X, in four court cases and one letter",
        section="drm-exclusive/vodcasts",
        date="2025-02-17 18:00",
        authors=("sana-mirza", "ayesha-rahim"),
        standfirst=(
            "On the first anniversary of the block, our court reporter walks through what the "
            "high courts have heard, and what they have not been told."
        ),
        image="vodcast",
        tags=("X ban", "Vodcasts", "Court cases"),
        body=(
            Para(
                "It is one year since X went dark in Pakistan on 17 February 2024. In this "
                "episode, Sana Mirza talks to our courts correspondent Ayesha Rahim about the "
                "petitions in the Sindh, Islamabad, Lahore and Peshawar High Courts, and the "
                "one document that has come out of them: the interior ministry's letter."
            ),
            Heading("In this episode"),
            Para(
                "00:00 Why 17 February. 04:10 The Sindh High Court's February order and the "
                "contempt notice. 11:30 The letter \u201cimmediately till further orders\u201d. "
                "18:45 Islamabad: an Intelligence Bureau report with no reasons. 26:00 The "
                "ministry's national-security argument. 33:20 The cost: Top10VPN's $1.34bn "
                "estimate. 39:00 What could end the ban."
            ),
            Picture(
                "vodcast-studio",
                caption="On air: the artwork for the anniversary episode.",
            ),
            Para(
                "The Islamabad High Court had fixed the petition of journalist Ehtisham "
                "Abbasi for 6 February 2025; we found no record of the outcome. The episode "
                "also revisits the claim, made by the information minister, that the "
                "caretaker government banned X before the election."
            ),
            Para(
                "Watch the episode on the DRM channel, and send us your questions for the "
                "next one. "
                "A transcript of the episode will follow on this page. The vodcast is part "
                "of our series on digital rights in Pakistan, in which our reporters "
                "explain the stories they follow over months rather than days. Previous "
                "episodes covered the election-day shutdown and the firewall trials of "
                "2024. Suggestions for guests and topics are welcome. "
                "Thank you for watching and sharing."
            ),
        ),
        sources=(
            (
                "PhoneWorld",
                "https://www.phoneworld.com.pk/interior-ministry-orders-ban-on-x-pta-informs-shc/",
            ),
            (
                "TelecoAlert",
                "https://telecoalert.com/2024/12/11/islamabad-high-court-schedule-hearing-for-peti"
                "tion-against-ban-on-x",
            ),
            ("Arab News", "https://www.arabnews.pk/node/2585206"),
            ("Dawn", "https://www.dawn.com/news/1861527"),
        ),
    ),
    DemoArticle(
        slug="balochistan-mobile-data-suspended-august-2025",
        title="Balochistan loses mobile data for the rest of August",
        section=NEWS,
        date="2025-08-06 22:00",
        authors=("drm",),
        standfirst=(
            "The provincial home department has ordered 3G and 4G services suspended across "
            "the province until 31 August, citing security."
        ),
        image="balochistan",
        tags=("Balochistan", "Internet shutdowns", "Mobile services"),
        body=(
            Para(
                "Mobile data is off across Balochistan. The provincial home department "
                "ordered 3G and 4G services suspended throughout the province from 6 August "
                "2025 until 31 August, citing security reasons."
            ),
            Para(
                "Balochistan has lived with repeated shutdowns: during the Baloch Raji Muchi "
                "gathering in July and August 2024, in November 2024, and in Quetta in January "
                "2025, according to Access Now's STOP data. A province-wide order of nearly four "
                "weeks is one more in that series."
            ),
            Heading("Life without mobile data"),
            Para(
                "Fixed broadband is scarce in much of the province, so for most residents "
                "mobile data is the internet. Students attending online classes, traders "
                "taking digital payments, families calling relatives abroad and reporters "
                "filing stories all depend on it."
            ),
            Picture(
                "balochistan-map",
                caption="Province offline: our artwork for the data suspension.",
            ),
            Para(
                "Sources differ on how the episode will end: STOP records it until 21 August, and "
                "several districts may come back sooner than the order's end date. DRM will track "
                "restorations district by district. The order does not say what threat it "
                "addresses, how a province-wide data cut reduces it, or who will review whether it"
                " worked. Those are the questions any shutdown should be able to answer before it "
                "is imposed. DRM will publish the text of the order if it becomes public. Readers "
                "in Balochistan can report disruptions to our tracker. "
                "Please include the district, the operator and the time when you write to "
                "us."
            ),
        ),
        sources=(
            (
                "NewsDrum",
                "https://www.newsdrum.in/international/mobile-data-services-suspended-in-paks-balo"
                "chistan-province-till-aug-31-for-security-reasons-9640536",
            ),
            STOP,
            (
                "Pakistan Press Foundation",
                "https://pakistanpressfoundation.org/internet-services-restored-in-several-balochi"
                "stan-districts-after-weeks-long-blackout",
            ),
        ),
    ),
    # Drafts: saved, never published, so editors find work in progress.
    DemoArticle(
        slug="balochistan-36-districts-offline",
        title="Balochistan: mobile internet suspended in all 36 districts",
        section=NEWS,
        date="2025-11-12 21:00",
        authors=("drm",),
        standfirst=(
            "DRAFT. Mobile internet is off in every district of the province until 16 November."
        ),
        image="balochistan-november",
        tags=("Balochistan", "Internet shutdowns"),
        status="draft",
        body=(
            Para(
                "Mobile internet has been suspended in all 36 districts of Balochistan, "
                "according to Dawn, from 12 to 16 November 2025. It is the third "
                "province-wide restriction this year, after the August suspension and the "
                "Ministry of Interior's order to jam mobile internet across the province on "
                "30 August and 6 September."
            ),
            Heading("To confirm before publishing"),
            Para(
                "Editor's note: check which operators are affected, whether fixed broadband "
                "is also down in Quetta, and whether the home department has issued a "
                "written order. Add STOP's entry once it is published and compare the dates."
            ),
            Para(
                "Background for the piece: in August 2025 the home department ordered 3G and "
                "4G suspended province-wide until 31 August; STOP records that episode ending "
                "on 21 August, and several districts were restored after about 25 days. The "
                "pattern matters for readers: the same province, the same reasons, and no "
                "published review of whether any of these measures achieved its purpose."
            ),
            Para(
                "The piece should end with practical information for residents: which "
                "services still work, how to reach emergency numbers, and how to report a "
                "disruption to our tracker so that it is recorded with a date and a place. "
                "Also check whether the Ministry of Interior issued a separate instruction,"
                " as it did for 30 August and 6 September, and whether PTA has confirmed "
                "the suspension publicly. "
                "Editor's note: keep the headline factual and avoid describing the reasons "
                "for the shutdown until an official statement is available."
            ),
        ),
        sources=(
            ("Dawn", "https://www.dawn.com/news/1954689"),
            ("Digital Rights Monitor", "https://digitalrightsmonitor.pk/?p=12802"),
            STOP,
        ),
    ),
    DemoArticle(
        slug="ajk-communications-blackout-september-2025",
        title="AJK: mobile, internet and landlines cut during the action committee strike",
        section="trends-monitor",
        date="2025-09-29 20:00",
        authors=("bilal-qureshi",),
        standfirst="DRAFT. A full communications blackout across Azad Jammu and Kashmir.",
        image="ajk-blackout",
        tags=("AJK", "Internet shutdowns", "Ministry of Interior"),
        status="draft",
        body=(
            Para(
                "Mobile phones, mobile internet and landlines were suspended across Azad "
                "Jammu and Kashmir on 29 September 2025 during the strike called by the Joint "
                "Awami Action Committee, on instructions from the Ministry of Interior."
            ),
            Para(
                "Some reports say the suspension began at midnight on 28 September; STOP "
                "records it from 28 September to 4 October. We will settle the start date "
                "before publishing."
            ),
            Heading("Context"),
            Para(
                "This is not the first time AJK has been cut off during protests: internet "
                "services were suspended there from 12 to 14 May 2024. A blackout that "
                "includes landlines is rarer and leaves residents with no way at all to "
                "call for help, reach relatives or learn what is happening nearby."
            ),
            Para(
                "Editor's note: add a map of affected districts, the operators' public "
                "notices if any, and a short explainer on why cutting landlines goes further "
                "than a mobile shutdown under international standards of necessity and "
                "proportionality. "
                "Also to add before publishing: the dates on which services came back in "
                "each district, any statement by the action committee about the effect of "
                "the blackout on its members and on journalists, and a comparison with the "
                "suspensions in Islamabad and Rawalpindi in October 2024 and 2025. If "
                "possible, include measurements from OONI or other monitors to confirm the "
                "scope of the cut. "
                "Keep the draft under embargo until the start date is confirmed with two "
                "independent sources. "
                "Check the spelling of place names against the AJK government's own lists. "
                "Do not publish before the editor signs off."
            ),
        ),
        sources=(
            (
                "Daily Pakistan",
                "https://en.dailypakistan.com.pk/29-Sep-2025/mobile-internet-services-suspended-am"
                "id-protests-in-azad-kashmir",
            ),
            STOP,
        ),
    ),
    # Scheduled: Wagtail's scheduler publishes these a while after the demo is loaded.
    DemoArticle(
        slug="explainer-when-the-internet-goes-down",
        title="Explainer: what to do when the internet goes down",
        section="drm-exclusive/features",
        date="",
        authors=("sana-mirza",),
        standfirst=(
            "Shutdowns in Pakistan are frequent and often announced late. A practical guide "
            "to staying informed, in touch and safe."
        ),
        image="explainer-offline",
        tags=("Internet shutdowns", "Guides", "Digital security"),
        status="scheduled",
        go_live_after=timedelta(minutes=20),
        body=(
            Para(
                "Pakistan has cut mobile networks on election day, during religious "
                "processions, during protests in the capital and for weeks at a time in "
                "Balochistan. Shutdowns are usually announced late, if at all. A little "
                "preparation makes them easier to live through."
            ),
            Heading("Before"),
            Para(
                "Save important numbers on paper and on your phone. Download offline maps of "
                "your city. Agree with family on a place to meet and a time to call from a "
                "landline. Keep some cash, since card and mobile payments may stop. If you "
                "work online, tell clients in advance that you may go silent."
            ),
            Heading("During and after"),
            Para(
                "Fixed broadband and landlines sometimes keep working when mobile data is "
                "cut. Be wary of VPN apps that appear in forwarded messages: install tools "
                "only from official stores and known providers. Note the time the service "
                "stopped and which operator you use."
            ),
            Para(
                "Afterwards, report what you saw, with dates, places and operators, to "
                "DRM's tracker or "
                "to measurement projects such as OONI. Records made by users are often the "
                "only evidence of a shutdown that was never officially ordered. "
                "Share this guide with family and colleagues before the next shutdown, not "
                "during it. "
                "Talk to your employer or school about what they expect from you when the "
                "network is cut, and agree on it in advance. Journalists should keep a "
                "printed list of sources and editors' landline numbers. "
                "A little planning goes a long way."
            ),
        ),
        sources=(
            (
                "ProPakistani",
                "https://propakistani.pk/2024/02/08/govt-suspends-mobile-services-on-election-day/",
            ),
            STOP,
        ),
    ),
    DemoArticle(
        slug="guide-measuring-censorship-ooni-probe",
        title="Guide: measure censorship on your own network with OONI Probe",
        section="resources/research",
        date="",
        authors=("bilal-qureshi",),
        standfirst=(
            "Independent measurements showed X blocked when officials said it was working. "
            "Here is how anyone can contribute to that record."
        ),
        image="ooni-guide",
        tags=("OONI", "Guides", "Research"),
        status="scheduled",
        go_live_after=timedelta(hours=6),
        body=(
            Para(
                "When Information Minister Attaullah Tarar said on 13 March 2024 that X was "
                "working, OONI could point to measurements showing it was still blocked. "
                "Those measurements came from volunteers running OONI Probe on their own "
                "phones and computers."
            ),
            Heading("How it works"),
            Para(
                "OONI Probe tries to reach a list of websites and apps and records what "
                "happens: whether the name resolves, whether a connection opens, whether the "
                "page that comes back is the real one. Results are published openly, so "
                "anyone can check whether a service was blocked on a given network and day."
            ),
            Heading("Getting started"),
            Para(
                "Install the app from the official OONI website or your phone's app store, "
                "read the risk notes, choose which tests to run, and let it test "
                "automatically. Add sites that matter locally to your custom list. Consider "
                "the risks: in some contexts, running measurement tools can draw attention."
            ),
            Para(
                "OONI's explorer already holds findings for Pakistan, from the block of X on "
                "17 February 2024 to the blocking of political party websites in January "
                "2024. More measurements make that record harder to deny. "
                "If you are unsure whether it is safe for you to run tests, talk to a "
                "digital-security helpline first. Measurement is valuable, but your safety "
                "comes first. DRM uses OONI data in its reporting and links to the "
                "measurements behind every claim of blocking we make. "
                "Measurements are most useful when they come from many networks at once."
            ),
        ),
        sources=(
            ("OyeYeah", "https://www.oyeyeah.com/news/x-twitter-is-still/amp/"),
            ("OONI Explorer", "https://explorer.ooni.org/findings/255040833200"),
            ("OONI Explorer", "https://explorer.ooni.org/findings/108298926901"),
        ),
    ),
    DemoArticle(
        slug="comment-next-shutdown-is-a-policy-choice",
        title="Comment: the next shutdown is a policy choice, not a weather event",
        section="drm-exclusive/comment",
        date="",
        authors=("farhan-iqbal",),
        standfirst=(
            "Shutdowns are reported like storms: they arrive, they pass. They are decisions, "
            "and decisions can be made differently."
        ),
        image="policy-choice",
        tags=("Internet shutdowns", "Comment", "Ministry of Interior"),
        status="scheduled",
        go_live_after=timedelta(days=3),
        body=(
            Para(
                "Read enough news about Pakistan's internet and a strange grammar emerges. "
                "Services \u201cwere suspended\u201d, the internet \u201cwent down\u201d, "
                "X \u201cremained inaccessible\u201d. The sentences have no subject, as if the "
                "network failed by itself."
            ),
            Para(
                "It did not. On election day in 2024 the interior ministry suspended mobile "
                "services. On 17 February 2024 it wrote to PTA ordering X blocked. In "
                "November 2024 it ordered mobile internet suspended in four cities ahead of "
                "a protest. Each of these was a decision taken by someone."
            ),
            Heading("Decisions can be reviewed"),
            Para(
                "Decisions can be written down, published, limited in time and reviewed by "
                "a court. A shutdown order that must state its legal basis, its area, its "
                "duration and its reason is harder to issue casually, and easier to "
                "challenge when it is wrong."
            ),
            Quote(
                "Give every shutdown a subject, a signature and an end date.",
                "Farhan Iqbal",
            ),
            Para(
                "The courts have asked for exactly that, again and again, in the X cases. "
                "Parliament could make it the rule. Until then, we will keep naming the "
                "authority behind every shutdown we report. "
                "Journalists can help by writing the subject back into the sentence: not "
                "'the internet went down', but 'the interior ministry suspended mobile "
                "internet'. Language shapes accountability. A decision with a name attached"
                " can be questioned, appealed and, if necessary, reversed. "
                "That is the least readers can expect of a newsroom that covers these "
                "decisions. "
                "Naming is the first step towards review."
            ),
        ),
        sources=(
            (
                "ProPakistani",
                "https://propakistani.pk/2024/02/08/govt-suspends-mobile-services-on-election-day/",
            ),
            (
                "PhoneWorld",
                "https://www.phoneworld.com.pk/interior-ministry-orders-ban-on-x-pta-informs-shc/",
            ),
            (
                "ARY News",
                "https://arynews.tv/pti-protest-major-cities-to-face-internet-suspension-starting-"
                "23-nov/",
            ),
        ),
    ),
]
