"""Demo stories about the blocking of X in Pakistan, February 2024 to November 2025.

Every fact comes from ../shared/reference/pakistan-timeline.md and keeps its source; the
wording is ours. Where the timeline marks a date as disputed, the story says so.
"""

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
COURTS = "drm-exclusive/court-updates"

X_BAN_STORIES: list[DemoArticle] = [
    DemoArticle(
        slug="election-day-mobile-shutdown",
        title="Pakistan votes with its phones switched off: mobile services suspended nationwide",
        section=NEWS,
        date="2024-02-08 19:30",
        authors=("bilal-qureshi",),
        standfirst=(
            "The interior ministry cut mobile services across the country on polling day, "
            "citing security, as network monitors recorded outages on the major operators."
        ),
        image="election-day",
        tags=("Elections 2024", "Internet shutdowns", "Mobile services", "Ministry of Interior"),
        body=(
            Para(
                "Millions of voters, polling staff and reporters went through general election "
                "day without mobile calls or mobile data. The Ministry of Interior suspended "
                "mobile services nationwide on Thursday and gave security as its reason, "
                "leaving fixed broadband as the only way for most people to get online."
            ),
            Para(
                "Measurements published by the Internet Society's Pulse team, drawing on "
                "Cloudflare Radar, show outages at CMPak (AS59257), Jazz and Telenor at about "
                "01:45 to 02:30 UTC. For a country where most people reach the internet only "
                "through a phone, a mobile cut is close to a complete blackout."
            ),
            Heading("Why a polling-day cut matters"),
            Para(
                "Elections are exactly the moment when people need to check where to vote, "
                "share what they see at polling stations and follow the count. Observers and "
                "party agents coordinate by phone; journalists file by phone. A shutdown on "
                "that day does not only inconvenience voters, it removes the means by which "
                "irregularities are reported in real time and leaves rumours unanswered."
            ),
            Picture(
                "ballot-signal",
                caption="No signal at the polls: our artwork for a polling day without "
                "mobile data.",
            ),
            Para(
                "The suspension fits a pattern DRM has documented for years: network cuts "
                "announced at short notice, justified in one line, and lifted without any "
                "public review. We will report on when and where services return, and on "
                "any explanation the government gives for the decision. "
                "Readers who lost service can help: tell us which operator you use, where "
                "you were and when the signal went, so that the record does not depend on "
                "official statements alone."
            ),
        ),
        sources=(
            (
                "ProPakistani",
                "https://propakistani.pk/2024/02/08/govt-suspends-mobile-services-on-election-day/",
            ),
            (
                "Internet Society Pulse",
                "https://pulse.internetsociety.org/blog/pakistan-elections-2024-reports-of-interne"
                "t-and-mobile-services-disrupted",
            ),
        ),
    ),
    DemoArticle(
        slug="x-blocked-across-pakistan",
        title="X goes dark across Pakistan after rigging allegations spread online",
        section=NEWS,
        date="2024-02-17 23:10",
        authors=("bilal-qureshi", "drm"),
        standfirst=(
            "Network monitors confirmed a nationwide disruption of X on Saturday, hours after "
            "a former Rawalpindi commissioner's allegations of vote rigging went viral."
        ),
        image="x-dark",
        extra_sections=("trends-monitor",),
        tags=("X ban", "Internet shutdowns", "Elections 2024", "NetBlocks", "OONI"),
        body=(
            Para(
                "X, formerly Twitter, stopped loading for users across Pakistan on Saturday "
                "17 February 2024. NetBlocks confirmed a nationwide disruption, and the Open "
                "Observatory of Network Interference (OONI) recorded the platform as "
                "inaccessible on multiple networks from the same date."
            ),
            Para(
                "The block came after Liaquat Chattha, until then commissioner of Rawalpindi, "
                "publicly alleged that results in his division had been manipulated. The "
                "disruption followed those allegations. It was not the first restriction of the "
                "post-election period: on 10 February NetBlocks had already reported a "
                "nation-scale disruption of X while results were delayed."
            ),
            Heading("An order nobody announced"),
            Para(
                "No authority announced the block. It later emerged in the Sindh High Court "
                "that the Ministry of Interior had written to the Pakistan Telecommunication "
                "Authority on the same day, ordering X blocked "
                "\u201cimmediately till further orders\u201d without giving any reason. That "
                "letter was only made public on 20 March."
            ),
            Post(
                "https://x.com/netblocks",
                "NetBlocks posts its Pakistan measurements on X",
            ),
            Para(
                "Dates differ slightly between trackers: Top10VPN counts the block from 18 "
                "February, and the information minister later claimed the caretaker "
                "government had banned X before the 8 February election. DRM uses 17 "
                "February, the date shown by NetBlocks, OONI measurements and the ministry's "
                "own letter. Users who still want to post now depend on VPNs. "
                "For journalists and businesses the timing is hard: the results dispute is "
                "exactly the story people are trying to follow, and X is where officials, "
                "parties and observers had been posting their claims and rebuttals."
            ),
        ),
        sources=(
            (
                "Business Recorder",
                "https://www.brecorder.com/news/40290002/x-faces-disruption-in-pakistan-for-5th-co"
                "nsecutive-day-netblocks",
            ),
            ("OONI Explorer", "https://explorer.ooni.org/findings/255040833200"),
            (
                "PhoneWorld",
                "https://www.phoneworld.com.pk/interior-ministry-orders-ban-on-x-pta-informs-shc/",
            ),
            (
                "Daily Times",
                "https://dailytimes.com.pk/1169363/x-censored-as-pakistans-political-crisis-explod"
                "es/",
            ),
            ("Dawn", "https://www.dawn.com/news/1861527"),
        ),
    ),
    DemoArticle(
        slug="shc-orders-restoration-of-x",
        title="Sindh High Court orders PTA to restore X and other social media",
        section=COURTS,
        date="2024-02-21 17:45",
        authors=("ayesha-rahim",),
        standfirst=(
            "A two-judge bench told the federal government and the telecom regulator to "
            "restore access to X and sought a report on the election-day shutdown."
        ),
        image="shc-karachi",
        extra_sections=(NEWS,),
        tags=("X ban", "Court cases", "Sindh High Court", "PTA"),
        body=(
            Para(
                "The Sindh High Court in Karachi on Wednesday 21 February 2024 directed the "
                "federal government and the Pakistan Telecommunication Authority (PTA) to "
                "restore social media platforms, X included. The bench of Chief Justice "
                "Aqeel Ahmed Abbasi and Justice Abdul Mubeen Lakho also asked PTA to report on "
                "the suspension of mobile services on polling day, issued notice to the "
                "federation and fixed 5 March for the next hearing."
            ),
            Para(
                "The petitions were brought by advocate Jibran Nasir, journalist Zarrar "
                "Khuhro and others, argued by Abdul Moiz Jaferii."
            ),
            Heading("The written order"),
            Para(
                "The written order, reported the following day, went further than the oral "
                "direction. PTA was to restore X fully, blocking without lawful basis was "
                "barred, and if a restriction ever became unavoidable the authority should "
                "reduce speeds rather than switch a service off."
            ),
            Quote(
                "Courts keep asking the same question in different words: which law allows "
                "an entire platform to be switched off, and who decided it?",
                "DRM court desk",
            ),
            Para(
                "Some outlets date the order to Thursday 22 February, the day the written text "
                "circulated. DRM records the hearing on 21 February and the written order on 22 "
                "February. The order matters beyond X. By asking PTA to explain the polling-day "
                "shutdown and by preferring slower speeds to a complete cut, the bench set out a "
                "rough test of proportionality that the regulator has rarely had to meet in "
                "public. Whether the authority complies, and how quickly, will be the first "
                "measure of that test. DRM will be in court on 5 March."
            ),
        ),
        sources=(
            (
                "The Nation",
                "https://www.nation.com.pk/21-Feb-2024/shc-orders-govt-to-restore-social-media-pla"
                "tforms-across-pakistan",
            ),
            (
                "Headline.pk",
                "https://headline.pk/sindh-high-court-orders-full-restoration-of-social-media-plat"
                "form-x/",
            ),
            (
                "Daily Pakistan",
                "https://en.dailypakistan.com.pk/22-Feb-2024/shc-orders-restoration-of-x-services-"
                "in-pakistan",
            ),
        ),
    ),
    DemoArticle(
        slug="ihc-notices-shc-contempt-x-ban",
        title="Two high courts, one blocked platform: IHC issues notices as SHC weighs contempt",
        section=COURTS,
        date="2024-03-05 18:20",
        authors=("ayesha-rahim", "farhan-iqbal"),
        standfirst=(
            "Islamabad's high court took up a journalist's petition against the X closure "
            "while Karachi's heard a contempt plea over its unobeyed restoration order."
        ),
        image="two-courts",
        tags=("X ban", "Court cases", "Islamabad High Court", "Sindh High Court", "PTA"),
        body=(
            Para(
                "Journalist Ehtisham Abbasi filed a petition in the Islamabad High Court on 4 "
                "March 2024, arguing that the closure of X violates Articles 19 and 14 of the "
                "Constitution, which protect free expression and the dignity and privacy of "
                "the person. His counsel are Amna Ali and Sardar Masroof."
            ),
            Para(
                "On Tuesday 5 March Chief Justice Aamer Farooq issued notices to the ministry "
                "and to PTA, asked about the case already pending in Sindh and said the "
                "matter would be heard again the following week. Reports differ on whether "
                "the respondent is the information ministry or the IT ministry."
            ),
            Heading("Contempt in Karachi"),
            Para(
                "The same day, an application for contempt came up in the Sindh High Court, "
                "because X had not been restored despite the court's February order. The "
                "written order, dated 6 March, issued a contempt notice to the PTA chairman, "
                "noted that the authority had offered no justification, and extended the "
                "interim order. The federation and PTA had asked for more time; the interior "
                "ministry and PTA were told to reply before the next date."
            ),
            Para(
                "Two courts now have the same question before them, and neither has yet received "
                "an explanation from the government. DRM's court tracker follows both cases. The "
                "next question is whether either court will be given the reasons behind the block,"
                " or only more requests for time. In both cities the burden should be on the state"
                " to show a lawful basis, not on citizens to prove the harm."
            ),
        ),
        sources=(
            (
                "Pakistan Safety Coalition",
                "https://pakistansafetycoalition.org/ihc-issues-notices-to-information-ministry-pt"
                "a-on-social-media-ban-petition",
            ),
            (
                "The Nation",
                "https://www.nation.com.pk/06-Mar-2024/ihc-serves-notices-to-ministry-pta-over-x-c"
                "losure",
            ),
            (
                "PNP",
                "https://pnp.com.pk/110220/islamabad-high-court-notice-issued-to-pta-and-ministry-"
                "of-information-on-closure-of-x/",
            ),
            ("Channel Five Pakistan (Urdu)", "https://channelfivepakistan.tv/2024/03/06/355299"),
        ),
    ),
    DemoArticle(
        slug="civil-society-joint-statement-unblock-x",
        title="Civil society demands X be unblocked and PECA section 37 repealed",
        section="drm-advocacy/statements",
        date="2024-03-13 16:00",
        authors=("drm",),
        standfirst=(
            "A joint statement by rights groups and journalists asks the regulator to explain "
            "the prolonged disruption of X and to stop throttling VPNs."
        ),
        image="joint-statement",
        extra_sections=(NEWS,),
        tags=("X ban", "Joint statements", "PECA", "PTA", "VPN"),
        body=(
            Para(
                "Civil society organisations, rights advocates and journalists released a "
                "joint statement on 13 March 2024 calling for X to be unblocked nationwide. "
                "They pointed out that the Pakistan Telecommunication Authority had still "
                "given no reasons for the disruption, nearly four weeks after it began."
            ),
            Para(
                "The statement also asks Parliament to repeal section 37 of the Prevention of "
                "Electronic Crimes Act, the provision PTA relies on to block content, and "
                "calls for an end to the throttling of VPNs, on which journalists and "
                "businesses now depend."
            ),
            Heading("The same day, a denial"),
            Para(
                "At a press conference on the same day, Information Minister Attaullah Tarar "
                "said \u201cX is working\u201d and asked to be shown a notification of any "
                "ban. OONI told Geo Fact Check that its measurements still showed X blocked."
            ),
            Quote(
                "X is working",
                "Information Minister Attaullah Tarar, 13 March 2024 (via OyeYeah)",
            ),
            Para(
                "Four days later, Amnesty International and other organisations issued a further "
                "joint call for X to be restored. Reports give the number of signatories as 28 or "
                "31. Both statements criticise the blocking of an entire platform. The gap between"
                " the minister's words and the measurements is itself a problem. When officials "
                "deny a block that independent monitors can see, citizens are left without anyone "
                "who will take responsibility, and the courts become the only place where the "
                "state has to answer at all. The statement notes that PTA has not explained its "
                "actions."
            ),
        ),
        sources=(
            (
                "Media Matters for Democracy",
                "https://mediamatters.pk/civil-society-statement-on-continued-network-shutdowns-an"
                "d-platform-blocking-in-pakistan/",
            ),
            ("OyeYeah", "https://www.oyeyeah.com/news/x-twitter-is-still/amp/"),
            ("Newswire", "https://www.newswire.com.pk/2024/03/17/amnesty-intl/"),
        ),
    ),
    DemoArticle(
        slug="shc-interior-ministry-letter-x-ban",
        title="PTA produces the interior ministry letter behind the X ban in Sindh High Court",
        section=COURTS,
        date="2024-03-20 18:00",
        authors=("ayesha-rahim",),
        standfirst=(
            "A one-line order dated 17 February told the regulator to block X immediately "
            "and gave no reason. The court wants the ministry to explain itself."
        ),
        image="moi-letter",
        extra_sections=("drm-advocacy/exclusives",),
        tags=("X ban", "Court cases", "Sindh High Court", "Ministry of Interior", "PTA"),
        body=(
            Para(
                "For the first time since X went dark, a document explaining who ordered it "
                "has been placed before a court. At the Sindh High Court on Wednesday 20 "
                "March 2024, PTA produced a letter from the Ministry of Interior dated 17 "
                "February that directs the authority to block X "
                "\u201cimmediately till further orders\u201d. The letter gives no reason."
            ),
            Para(
                "The bench heard four clubbed petitions. It expressed displeasure that the "
                "ministry had not filed its reply, and said the Interior Secretary would have "
                "to appear in person if no reply was received. The next hearing is on 17 "
                "April."
            ),
            Heading("Who decides"),
            Para(
                "The letter supports what the PTA chairman, Hafeezur Rehman, said the day "
                "before: blocking orders always come from the interior ministry, and someone "
                "has to take responsibility for them. Interior Minister Mohsin Naqvi, for his "
                "part, has called for a review of social media laws."
            ),
            Picture(
                "moi-letter-detail",
                caption="No reason given: our artwork for the ministry's one-line order.",
            ),
            Para(
                "The chain of command is now on record. Whether a ministry may order a nationwide "
                "block without a reason, a hearing or a time limit is the question the courts will"
                " have to answer. A blocking order with no stated ground is hard to test against "
                "the Constitution, because there is nothing to weigh. The ministry now has four "
                "weeks to supply what its letter left out, or to tell the court why it cannot."
            ),
        ),
        sources=(
            (
                "PhoneWorld",
                "https://www.phoneworld.com.pk/interior-ministry-orders-ban-on-x-pta-informs-shc/",
            ),
            ("ARY News", "https://arynews.tv/pti-demands-immediate-restoration-of-x-services/"),
        ),
    ),
    DemoArticle(
        slug="x-ban-petitions-lahore-peshawar",
        title="Court roundup: X ban petitions reach Lahore and Peshawar",
        section=COURTS,
        date="2024-03-27 20:00",
        authors=("zainab-hussain",),
        standfirst=(
            "Petitions against the closure of X are now pending in all four high courts, "
            "with benches in Lahore and Peshawar seeking replies."
        ),
        image="court-roundup",
        tags=("X ban", "Court cases", "Lahore High Court", "Peshawar High Court"),
        body=(
            Para(
                "The legal challenge to the X ban has spread beyond Karachi and Islamabad. In "
                "Lahore, Justice Shahid Bilal Hassan removed an office objection on 14 March "
                "2024 to a petition against social media bans, Twitter included, and ordered "
                "it to be fixed for hearing, according to an Urdu newspaper report."
            ),
            Para(
                "On 21 March a Peshawar High Court bench of Justices Ijaz Anwar and Waqar "
                "Ahmad sought replies from the federal government and PTA on a petition "
                "against the closure of X."
            ),
            Heading("Lahore adjourns"),
            Para(
                "Back in Lahore, Justice Asim Hafeez on 27 March heard an application by "
                "Advocate Huzaifa Naeem for the restoration of X and adjourned it. The report "
                "gives both 2 April and 21 April as the next date, so DRM will confirm the "
                "listing from the cause list."
            ),
            Para(
                "With cases in four high courts, the government now faces the same question "
                "in several places at once. So far its lawyers have mostly asked for more "
                "time, while users rely on VPNs to reach the platform. "
                "The spread of cases has a practical side too. Different benches may reach "
                "different conclusions, and the government may prefer one forum over "
                "another. If the interior ministry's letter, now on record in Karachi, is filed "
                "in the other courts as well, the same document will be before four "
                "sets of judges. DRM's court"
                " tracker lists every hearing with its date and source."
            ),
        ),
        sources=(
            (
                "Nawa-i-Waqt (Urdu e-paper)",
                "https://nawaiwaqt.com.pk/E-Paper/lahore/2024-03-14/page-6/detail-55",
            ),
            (
                "The Frontier Post",
                "https://thefrontierpost.com/peshawar-high-court-seeks-replies-from-government-pta"
                "-in-x-shutdown-case/",
            ),
            (
                "Dunya News",
                "https://dunyanews.tv/en/Technology/801211-Plea-seeking-restoration-of-%5C'X%5C'-a"
                "djourned-till-April-2",
            ),
        ),
    ),
    DemoArticle(
        slug="restorex-campaign-launched",
        title="#RestoreX: online campaign launched against the prolonged suspension of X",
        section="drm-exclusive/campaigns",
        date="2024-04-05 12:00",
        authors=("sana-mirza",),
        standfirst=(
            "Media Matters for Democracy starts a campaign asking users to press for X's "
            "restoration under the hashtags #RestoreX and #internetkholo."
        ),
        image="restorex",
        extra_sections=("drm-advocacy/featured",),
        tags=("X ban", "#RestoreX", "Campaigns"),
        body=(
            Para(
                "Seven weeks into the block, Media Matters for Democracy (MMfD) launched a "
                "campaign on 5 April 2024 calling for X to be restored in Pakistan. It asks users,"
                " journalists and organisations to post under #RestoreX and #internetkholo "
                "(\u201copen the internet\u201d) and to keep the issue in public view. IFEX also "
                "carried the launch."
            ),
            Heading("What the campaign asks for"),
            Para(
                "The demand is simple: give people back access to X. The launch notes "
                "that challenges are pending in the courts, including one before the "
                "Peshawar High Court, and the hashtags give users who cannot go to "
                "court a way to add their voice."
            ),
            Post(
                "https://x.com/hashtag/RestoreX",
                "Follow the campaign under #RestoreX on X",
            ),
            Para(
                "The irony is plain: a campaign for X has to run largely on X, which most "
                "people in Pakistan can now reach only through a VPN. The organisers are "
                "therefore also working on other platforms and in person. "
                "DRM supports the campaign's central demand, that any restriction on an "
                "online service be ordered under a published law, for a stated reason and "
                "for a limited time. We will publish updates on the campaign alongside our "
                "court coverage, and we invite readers to send us examples of how the block"
                " has affected their work, their studies or their businesses. Stories told "
                "with names and dates are the campaign's strongest evidence."
            ),
            Quote(
                "A platform ban is not an inconvenience for a few influencers. It cuts off "
                "small businesses, newsrooms and the people who depend on them.",
                "DRM campaigns desk",
            ),
        ),
        sources=(
            (
                "Digital Rights Monitor",
                "https://digitalrightsmonitor.pk/pakistan-online-campaign-launched-against-prolong"
                "ed-x-suspension",
            ),
            (
                "IFEX",
                "https://ifex.org/pakistan-online-campaign-launched-against-prolonged-x-suspension",
            ),
        ),
    ),
    DemoArticle(
        slug="x-ban-courts-17-april",
        title="17 April: SHC gives ministry a week to withdraw its letter as IHC hears its reasons",
        section=COURTS,
        date="2024-04-17 21:30",
        authors=("ayesha-rahim", "farhan-iqbal"),
        standfirst=(
            "In Karachi the bench found no law for blocking on intelligence reports alone; in "
            "Islamabad the interior secretary's report was called speculative. X itself "
            "spoke for the first time."
        ),
        image="april-hearings",
        extra_sections=(NEWS,),
        tags=(
            "X ban",
            "Court cases",
            "Sindh High Court",
            "Islamabad High Court",
            "Ministry of Interior",
        ),
        body=(
            Para(
                "The Sindh High Court on Wednesday 17 April 2024 directed the Ministry of "
                "Interior to withdraw its letter of 17 February within a week, failing which "
                "the court would pass orders itself. Reasons are due by 9 May. The chief "
                "justice observed that no law lets the ministry act on intelligence reports "
                "alone."
            ),
            Heading("Islamabad: a report, at last"),
            Para(
                "In Islamabad, the road to this hearing was long. On 26 March PTA had filed a "
                "\u201cconfidential\u201d letter that the court said contained nothing; on 3 "
                "April a joint secretary arrived without a file, and the court learnt the "
                "block rested on an Intelligence Bureau report with no reasons. The Interior "
                "Secretary was summoned."
            ),
            Para(
                "On 17 April Interior Secretary Khurram Agha submitted that X was blocked on "
                "17 February at the request of intelligence agencies, that X had ignored FIA "
                "requests about accounts targeting the Chief Justice, and that it is not "
                "registered in Pakistan. He asked for the petition to be dismissed. The court "
                "described the basis for the decision as speculative."
            ),
            Quote(
                "working with the Pakistani Government to understand their concerns",
                "X's Global Government Affairs account, late 17 April 2024",
            ),
            Para(
                "That line was X's first public comment on the block. Some agencies report it "
                "on 18 April, as it was posted late at night Pakistan time. "
                "Both courts have now heard the government's case in outline. Neither has "
                "been shown a statute that allows it."
            ),
        ),
        sources=(
            (
                "LatestLY",
                "https://www.latestly.com/socially/world/x-ban-in-pakistan-revoked-sindh-high-cour"
                "t-orders-cancellation-of-letter-regarding-suspension-of-elon-musk-run-platform-wi"
                "thin-one-week-5900857.html",
            ),
            (
                "The News",
                "https://www.thenews.com.pk/print/1172720-ihc-summons-interior-ministry-official-o"
                "ver-x-closure",
            ),
            (
                "Business Recorder",
                "https://www.brecorder.com/news/40297136/closure-of-x-ihc-summons-interior-secy",
            ),
            (
                "Newsroom Odisha",
                "https://newsroomodisha.com/pak-govts-decision-to-ban-x-based-on-mere-speculation-"
                "islamabad-hc/",
            ),
            (
                "Indian Economic Observer",
                "https://indianeconomicobserver.com/news/elon-musks-x-says-working-with-pakistan-g"
                "overnment-to-understand-concerns20240418145921",
            ),
        ),
    ),
    DemoArticle(
        slug="moi-tells-shc-x-will-not-be-restored",
        title="Interior ministry tells Sindh High Court X will not be restored",
        section=NEWS,
        date="2024-07-08 17:15",
        authors=("drm",),
        standfirst=(
            "In a written reply the ministry calls X a threat to national security and says "
            "the company ignored the government's requests."
        ),
        image="national-security",
        tags=("X ban", "Court cases", "Sindh High Court", "Ministry of Interior"),
        body=(
            Para(
                "Almost five months after it ordered X blocked, the Ministry of Interior has "
                "set out its position in writing. In a reply filed in the Sindh High Court "
                "on 8 July 2024, it describes the platform as a threat to national security "
                "and says it will not be restored."
            ),
            Para(
                "The ministry's reply says X has signed no agreement with Pakistan and has ignored"
                " the government's requests. Reports of the reply do not mention a statute that "
                "authorises blocking a whole platform, which is the question the court put to the "
                "ministry in April."
            ),
            Heading("A harder line"),
            Para(
                "The reply marks a shift from the denials of March, when ministers said X "
                "was working or that the new government had inherited the block. It now "
                "defends the ban as policy, and in doing so confirms that the block is "
                "deliberate and open-ended."
            ),
            Para(
                "For users, little changes: X remains reachable only through VPNs. For the "
                "petitioners, the reply at least gives them something to argue against. "
                "DRM will follow the next hearing. "
                "The ministry's complaint that X did not cooperate with requests to remove "
                "content is a familiar one, but it is an argument for regulation under law,"
                " with notice, appeal and review, not for switching off a platform used by "
                "millions for every purpose. The Sindh High Court asked in April for "
                "reasons by 9 May; two months later, the reasons have arrived, but the "
                "legal authority has not. The petitioners will now be able to answer it."
            ),
        ),
        sources=(
            (
                "ProPakistani",
                "https://propakistani.pk/2024/07/08/govt-has-no-plans-to-unban-x-blames-security-c"
                "oncerns/",
            ),
        ),
    ),
    DemoArticle(
        slug="shc-confusion-x-notification-withdrawn",
        title="'Withdrawn' or not? PTA's mixed signals on X leave court and users confused",
        section=COURTS,
        date="2024-09-12 19:00",
        authors=("ayesha-rahim",),
        standfirst=(
            "One PTA lawyer told the Sindh High Court the ban notification had been withdrawn; "
            "another knew of no such thing. X stayed blocked."
        ),
        image="mixed-signals",
        tags=("X ban", "Court cases", "Sindh High Court", "PTA"),
        body=(
            Para(
                "A hearing in the Sindh High Court on 12 September 2024 produced a moment of "
                "hope that lasted about a day. PTA's counsel Ahsan Imam Rizvi told the bench "
                "that the notification banning X had been \u201cwithdrawn\u201d. Another PTA "
                "lawyer, Saad Siddiqui, said he knew of no withdrawal. The court adjourned the "
                "case for two weeks."
            ),
            Para(
                "Reports of X's return spread quickly, and proved false: on 13 September "
                "DRM found that users still needed VPNs to reach the platform."
            ),
            Heading("PTA changes its story"),
            Para(
                "On Saturday 14 September PTA's Director Law, Ali Akbar, said the statement "
                "had been a misunderstanding and X had not been restored. The authority asked "
                "the court to set aside or modify its order of 12 September."
            ),
            Para(
                "On Monday 16 September Chief Justice Muhammad Shafi Siddiqui reprimanded the "
                "authority for changing its stance and hinted at contempt proceedings. PTA's "
                "plea was clubbed with the petitions and the case adjourned to 24 September."
            ),
            Para(
                "Sources disagree on the date of the first hearing, giving 10, 12 or 13 "
                "September. DRM uses 12 September, the date of the order PTA later contested. "
                "The episode shows the cost of a block that rests on an unpublished "
                "instruction. When even the regulator's own lawyers disagree about whether "
                "an order still exists, users and businesses cannot know where they stand, "
                "and rumours fill the gap. "
                "Our tracker lists each of these dates with its source."
            ),
        ),
        sources=(
            (
                "ARY News",
                "https://arynews.tv/pta-issues-another-clarification-on-x-services-in-pakistan/",
            ),
            (
                "Digital Rights Monitor",
                "https://digitalrightsmonitor.pk/pakistan-contradictory-statements-over-x-restorat"
                "ion-leave-users-confused/",
            ),
            ("NewsGuru", "https://newsguru.pk/?p=47315"),
            ("Reveal Inside", "https://revealinside.in/confusion-in-sindh-high-court"),
        ),
    ),
    DemoArticle(
        slug="lhc-moi-notification-confirmed",
        title="Lahore High Court: federal lawyer confirms interior ministry notification banning X",
        section=COURTS,
        date="2024-10-22 18:40",
        authors=("zainab-hussain",),
        standfirst=(
            "The chief justice said petitioners cannot go beyond their prayer after the 26th "
            "Amendment and adjourned the case without a date."
        ),
        image="lhc-lahore",
        tags=("X ban", "Court cases", "Lahore High Court", "Ministry of Interior"),
        body=(
            Para(
                "At the Lahore High Court on 22 October 2024, a federal government lawyer "
                "confirmed that the Ministry of Interior had issued a notification banning "
                "X. The court sought a fresh report and adjourned the case sine die, without "
                "fixing a date."
            ),
            Para(
                "The chief justice also observed that, after the 26th Constitutional "
                "Amendment, petitioners cannot seek relief beyond what their petition asks "
                "for. The amendment is likely to change how constitutional petitions like "
                "these are heard across the country."
            ),
            Heading("A pattern across courts"),
            Para(
                "The confirmation in Lahore matches what PTA disclosed in Karachi in March: a "
                "ministry instruction, not a decision of the regulator, lies behind the ban. "
                "What no court has yet been shown is the legal power under which that "
                "instruction was given."
            ),
            Para(
                "In Karachi the effects of the amendment arrived a month later: on 26 "
                "November the Sindh High Court's regular benches declined to hear "
                "constitutional petitions, which now go to constitutional benches. "
                "For the petitioners, an adjournment without a date is a setback: cases "
                "listed sine die can wait months before they return to the cause list. "
                "They can apply for an early hearing. Meanwhile, eight "
                "months into the block, X remains reachable only through VPNs, and PTA "
                "continues to say that it acts on the ministry's instructions rather than "
                "its own judgement. DRM will report when the case is fixed again. "
                "Readers can follow every listing in our court tracker."
            ),
        ),
        sources=(
            ("Dawn", "https://www.dawn.com/news/1867002"),
            (
                "Business Recorder",
                "https://www.brecorder.com/news/40334575/constitutional-petitions-shc-regular-benc"
                "hes-recuse-themselves-from-hearing",
            ),
        ),
    ),
    DemoArticle(
        slug="lhc-summons-attorney-general-x-ban",
        title="After PTA chief's 'last chance', Lahore High Court summons Attorney General",
        section=COURTS,
        date="2025-04-08 19:20",
        authors=("zainab-hussain", "ayesha-rahim"),
        standfirst=(
            "The full bench wants the government's top law officer to explain the legal "
            "status of the interior ministry's notification on X."
        ),
        image="lhc-full-bench",
        tags=("X ban", "Court cases", "Lahore High Court", "PTA"),
        body=(
            Para(
                "The Lahore High Court on 8 April 2025 summoned the Attorney General for "
                "Pakistan to appear on 17 April and explain the legal status of the Ministry "
                "of Interior's notification blocking X. The full bench of Chief Justice Aalia "
                "Neelum with Justices Farooq Haider and Ali Zia Bajwa is hearing petitions by "
                "Hafiz Shakir Mahmood, the Judicial Activism Panel and others, argued by "
                "Azhar Siddique."
            ),
            Heading("How we got here"),
            Para(
                "On 14 March the bench asked the ministry and PTA for reports, including on "
                "which government bodies still use X despite the ban. PTA replied that users "
                "reach the platform through VPNs."
            ),
            Para(
                "On 20 March the PTA chairman appeared in person. He said platforms had been "
                "blocked since 2016 under \u201cPTA rules 5 and 7\u201d. The bench noted those "
                "rules say nothing about banning platforms, that the government has no "
                "agreement with X, and that PTA itself uses X. It gave him a "
                "\u201clast chance\u201d and fixed 8 April."
            ),
            Picture(
                "lhc-full-bench-detail",
                caption="Full bench: our artwork for the Lahore High Court's X hearings.",
            ),
            Para(
                "In Peshawar, the petition of Advocate Nauman Muhib Kakakhel against "
                "the block is also pending. "
                "If the Attorney General defends the notification, the government will for "
                "the first time have to argue its legality at the highest level of its "
                "legal service. If he does not, the bench may decide the question itself. "
                "DRM will report from the hearing on 17 April."
            ),
        ),
        sources=(
            (
                "Dawn",
                "https://www.dawn.com/news/1897967/lhc-asks-govt-to-explain-its-use-of-x-despite-b"
                "an",
            ),
            (
                "Pakistan Today",
                "https://www.pakistantoday.com.pk/2025/03/21/lhc-gives-pta-chief-last-chance-for-x"
                "-ban-lifting/",
            ),
            (
                "Dunya News",
                "https://dunyanews.tv/en/Pakistan/877529-lhc-summons-agp-in-pleas-against-x-ban",
            ),
            ("Digital Rights Monitor", "https://digitalrightsmonitor.pk/?p=12502"),
        ),
    ),
    DemoArticle(
        slug="x-restored-in-pakistan",
        title="X is back in Pakistan after 15 months, with no notification",
        section=NEWS,
        date="2025-05-07 16:30",
        authors=("bilal-qureshi", "drm"),
        standfirst=(
            "The platform became reachable without a VPN late on 6 May; the PTA chairman "
            "told senators the next day that it had been restored."
        ),
        image="x-restored",
        extra_sections=("trends-monitor",),
        tags=("X ban", "PTA", "NetBlocks", "OONI"),
        body=(
            Para(
                "X is reachable again in Pakistan. Users began reporting late on 6 May 2025, "
                "as India launched strikes on Pakistan, that the platform loaded without a "
                "VPN. On 7 May the PTA chairman informed the Senate's IT committee, chaired "
                "by Palwasha Khan, that X had been restored, and NetBlocks confirmed it."
            ),
            Para(
                "There was no formal notification, just as there had been none when the block "
                "began on 17 February 2024. Dunya News described the service as partially "
                "restored and usable without a VPN."
            ),
            Heading("Which date ends the ban?"),
            Para(
                "OONI and Access Now's STOP dataset give 7 May 2025 as the end date, which "
                "DRM uses. The Pakistan Press Foundation later wrote that X was restored on 13 "
                "May. The differences are small next to the length of the block: roughly "
                "fifteen months."
            ),
            Post(
                "https://x.com/OpenObservatory",
                "OONI publishes its measurement findings on X",
            ),
            Para(
                "The petitions in the high courts remain pending. Without a ruling on the "
                "legality of the original order, nothing prevents the same thing from "
                "happening again tomorrow. "
                "Users should note that the restoration came with no commitment about the "
                "future. The ministry's letter of 17 February 2024 was never published in "
                "withdrawn form, and PTA has not said whether it received a new "
                "instruction. If you notice X failing again, on any network, tell us when "
                "and where, and run an OONI Probe test if you can: independent measurements"
                " were decisive in documenting the block, and they will be again."
            ),
        ),
        sources=(
            ("Hum English", "https://humenglish.com/?p=96822"),
            ("Nukta", "https://nukta.com/x-restored-in-pakistan"),
            (
                "Dunya News",
                "https://dunyanews.tv/en/Technology/882675-x-services-partially-restored-in-pakist"
                "an",
            ),
            ("OONI", "https://ooni.org/post/2025-media-censorship-in-india-and-pakistan/"),
            (
                "Pakistan Press Foundation",
                "http://pakistanpressfoundation.org/lhc-disposes-petitions-on-x-ban-seeks-legislat"
                "ion-on-slow-internet",
            ),
        ),
    ),
    DemoArticle(
        slug="editorial-after-x-restoration",
        title="Editorial: X is back. The power that blocked it is untouched",
        section="editorial",
        date="2025-05-09 09:00",
        authors=("drm",),
        standfirst=(
            "The restoration of X should be the start of accountability for fifteen months of "
            "censorship, not the end of the story."
        ),
        image="editorial-restoration",
        tags=("X ban", "Editorial", "PECA"),
        body=(
            Para(
                "X came back the way it went: quietly, without a notification, on a night "
                "when the country's attention was elsewhere. For fifteen months, Pakistanis "
                "who wanted to read, report or argue on one of the world's largest public "
                "platforms had to route their traffic through VPNs of uncertain safety. "
                "Businesses lost customers, reporters lost sources, and the state lost a "
                "measure of trust it will struggle to regain."
            ),
            Para(
                "We welcome the restoration. But welcome is not the same as closure. The "
                "order that started the block was a one-line letter that named no law and "
                "gave no reason. Officials denied it, then defended it, then described it as "
                "a national-security necessity. Four high courts asked for the legal basis; "
                "none was ever produced."
            ),
            Heading("What must follow"),
            Para(
                "First, the government should publish the instruments that imposed and lifted "
                "the block. Second, Parliament should set out, in statute, who may restrict "
                "an online service, on what grounds, for how long and with what review. "
                "Third, the courts should decide the pending petitions on their merits "
                "rather than letting them lapse now that the platform is back."
            ),
            Quote(
                "A right that can be switched off by letter is not yet a right.",
                "DRM Editorial Board",
            ),
            Para(
                "Until then, the next platform ban is only one letter away, and our readers "
                "deserve to know that it will meet the law before it meets the network. "
                "We will judge the government on those steps, not on the return of a single"
                " app."
            ),
        ),
        sources=(
            ("Nukta", "https://nukta.com/x-restored-in-pakistan"),
            (
                "PhoneWorld",
                "https://www.phoneworld.com.pk/interior-ministry-orders-ban-on-x-pta-informs-shc/",
            ),
            (
                "Dawn",
                "https://www.dawn.com/news/1861527/ban-on-x-imposed-due-to-national-security-issue"
                "s-not-to-curb-freedom-of-expression-tarar",
            ),
        ),
    ),
    DemoArticle(
        slug="lhc-disposes-x-petitions",
        title="Lahore High Court disposes of X ban petitions, turns to slow internet",
        section=COURTS,
        date="2025-11-24 18:00",
        authors=("zainab-hussain",),
        standfirst=(
            "With X restored, the court closed the petitions but referred complaints about "
            "slow internet to the law and IT ministries, with fortnightly reports."
        ),
        image="lhc-disposal",
        tags=("X ban", "Court cases", "Lahore High Court", "Internet speed"),
        body=(
            Para(
                "The Lahore High Court on 24 November 2025 disposed of the petitions "
                "challenging the ban on X, on the ground that the platform has been restored. "
                "The case had been on the court's list since early 2024."
            ),
            Para(
                "The court did not close the file entirely. It referred the petitioners' "
                "complaints about slow internet to the law and IT ministries and directed "
                "that reports be submitted to the registrar every fortnight."
            ),
            Heading("A case decided by events"),
            Para(
                "The petitions ended without a judgment on the central question, whether the "
                "Ministry of Interior could lawfully order a nationwide platform block. In "
                "April the court had summoned the Attorney General to explain that very "
                "point; on 24 April it adjourned because he was attending a national security "
                "meeting in Islamabad, and X came back in May before the answer did."
            ),
            Para(
                "Petitions in other courts may still produce a ruling. For now, the one legal "
                "document that explains the X ban remains the ministry's unexplained letter "
                "of 17 February 2024. "
                "The referral on internet speeds is a small but real outcome. Complaints "
                "about slow mobile data, failed downloads and throttled apps have "
                "accompanied the X block from the start, and the court has now asked the "
                "ministries to report regularly on them. Whether those reports will be "
                "public, and whether the registrar will act on them, remains to be seen. "
                "DRM will ask for copies and publish what we receive."
            ),
        ),
        sources=(
            ("Dawn", "https://www.dawn.com/news/1957164/pleas-against-ban-on-x-disposed-of"),
            (
                "Business Recorder",
                "https://www.brecorder.com/news/40359452/ban-on-x-lhc-adjourns-proceedings",
            ),
        ),
    ),
    DemoArticle(
        slug="x-ban-file-timeline",
        title="The X ban file: a dated timeline of the block, the courts and the restoration",
        section="drm-advocacy/publications",
        date="2025-05-20 10:00",
        authors=("farhan-iqbal", "drm"),
        standfirst=(
            "DRM's reference document on the fifteen-month block of X: what happened, when, "
            "and who said what, with a source for every date."
        ),
        image="ban-file",
        extra_sections=("resources/research",),
        tags=("X ban", "Court cases", "Publications"),
        body=(
            Para(
                "This publication collects, in one place, the dated record of the X block "
                "in Pakistan, from the first nationwide disruption on 17 February 2024 to the "
                "restoration on 7 May 2025. Every entry cites a public report, and where "
                "sources disagree about a date we say so rather than choose silently."
            ),
            DocLink("x-ban-file", "Download the X ban file (PDF)"),
            Heading("How to use it"),
            Para(
                "Journalists can use the timeline to check claims about when the block began "
                "or ended; lawyers can use it to follow the hearings in the Sindh, Islamabad, "
                "Lahore and Peshawar High Courts; researchers can use it as a starting point "
                "for measurement studies. The disputed dates are flagged: for example, the "
                "start of the block is given as 17 February by NetBlocks, OONI and the "
                "ministry's letter, but as 18 February by Top10VPN."
            ),
            Para(
                "We will update the file when the remaining petitions are decided. Please "
                "write to us with corrections, with a source. "
                "The file is deliberately plain: dates, events and sources, without "
                "commentary. Our analysis is in the articles linked from each entry, and "
                "our editorial position is in the editorial published after the "
                "restoration. We chose the recommended dates from our reference timeline "
                "for disputed events, such as 7 May 2025 for the restoration, and we list "
                "the alternatives in the notes. The document can be reused with credit to "
                "Digital Rights Monitor. "
                "Entries are in chronological order and use Pakistan dates. "
                "It also lists the sources in full for checking."
            ),
        ),
        sources=(
            ("OONI Explorer", "https://explorer.ooni.org/findings/255040833200"),
            ("Nukta", "https://nukta.com/x-restored-in-pakistan"),
            ("OONI", "https://ooni.org/post/2025-media-censorship-in-india-and-pakistan/"),
        ),
    ),
]
