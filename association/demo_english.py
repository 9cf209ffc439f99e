"""English versions of part of the demo content, as staff would add them for the forum's ASEAN guests.

Applied after the Chinese demo content; fills only English fields that are still empty. Some articles
stay Chinese-only on purpose, so /en/ shows both cases.
"""

from association.models import Association, Branch, Document, Page
from events.models import AgendaItem, Event, EventSeries, Speaker
from governance.models import Mandate
from members import demo_calendar
from members.demo import CITIES, HONOURED_THIS_YEAR, cities_at
from members.models import MemberCity
from news.models import Article, Category

P = "<p>{}</p>".format

PROFILE = {
    "mission_en": "Serving the development of our cities and the work of their mayors",
    "address_en": "9th floor, Municipal Building, 118 Minzu Avenue, Qingxiu District, Nanning, Guangxi",
    "office_hours_en": "Monday to Friday, 8:30–12:00 and 14:30–17:30 (China Standard Time)",
    "supervising_bodies_en": (
        "Department of Civil Affairs of the Guangxi Zhuang Autonomous Region (registration authority)\n"
        "Department of Housing and Urban-Rural Development of the Guangxi Zhuang Autonomous Region (guidance)"
    ),
    "introduction_en": (
        "The Guangxi Mayors' Association is a non-profit body formed voluntarily by the mayors of the prefecture-level "
        "and county-level cities of the Guangxi Zhuang Autonomous Region. It gives the cities a common platform for "
        "exchange and cooperation.\n\n"
        "Every year the association holds its member congress and a liaison-work conference, co-organises the "
        "China–ASEAN Mayors' Forum, runs training courses and study visits for mayors, and publishes research on urban "
        "development, so that member cities learn from one another in planning, industry and international exchange."
    ),
}

LEADERS = {
    "韦志宏": (
        "Wei Zhihong",
        "Long engaged in urban planning and construction management; led Nanning's urban renewal "
        "and the development of the Wuxiang New Area.",
    ),
    "蒙立新": (
        "Meng Lixin",
        "Runs the association's day-to-day work and reports to each member congress; set up the "
        "network of liaison officers in the member cities.",
    ),
    "覃海燕": ("Qin Haiyan", ""),
    "黄建军": ("Huang Jianjun", ""),
    "陆明峰": ("Lu Mingfeng", ""),
    "莫春林": (
        "Mo Chunlin",
        "Heads the secretariat, keeps in touch with the liaison officers of the member cities and "
        "prepares the liaison-work conference and the mayors' forum.",
    ),
    "梁静": ("Liang Jing", ""),
    "李国强": ("Li Guoqiang", ""),
    "甘永平": ("Gan Yongping", ""),
}

AFFILIATIONS = {
    "南宁市人民政府市长": "Mayor of Nanning",
    "自治区住房和城乡建设厅原副厅长": (
        "Former Deputy Director, Department of Housing and Urban-Rural Development of Guangxi"
    ),
    "柳州市人民政府市长": "Mayor of Liuzhou",
    "桂林市人民政府市长": "Mayor of Guilin",
    "北海市人民政府市长": "Mayor of Beihai",
    "南宁市人民政府原市长": "Former Mayor of Nanning",
}

BRANCHES = {
    "women-mayors": "The branch brings together the women mayors and deputy mayors of the member cities. Its annual "
    "forum has discussed child-friendly cities, care services and safe school routes.",
    "beibu-gulf-cities": "The branch links the coastal cities of the Beibu Gulf on port logistics, customs "
    "facilitation and sea-rail transport.",
}

PAGES = {
    "about": (
        "About the association",
        (
            "The association was founded in 1993 and has {cities} member cities: the region's {prefectures} "
            "prefecture-level cities and {counties} county-level cities. The member congress is its highest body; "
            "between congresses the council leads its work and the secretariat runs the day-to-day business.\n\n"
            "It has a Women Mayors' Branch, a Beibu Gulf Cities Branch and an Urban Planning and Construction "
            "Committee, and a liaison officer in every member city, who passes on notices, registers the city's "
            "delegation for meetings and reports the city's news.\n\n"
            "The association has held the China–ASEAN Mayors' Forum seven times; it has become a main platform for "
            "exchange between Chinese and ASEAN cities."
        ),
    ),
    "contact": (
        "Contact us",
        (
            "Take Metro Line 1 to Minzu Square and walk about five minutes from exit B to the Municipal Building. "
            "Please call ahead before visiting and register at the ground floor with an identity document.\n\n"
            "Liaison officers register and change delegations on their desk on this site; for questions, call the "
            "secretariat's meetings office."
        ),
    ),
    "privacy": (
        "Personal information",
        (
            "For meeting registrations this site collects delegates' names, positions, phone numbers and travel "
            "details. They are used only to organise, host and secure the meetings, never shown on public pages and "
            "never given to third parties unconnected with the meetings.\n\n"
            "Within a year after a meeting the secretariat deletes the delegates' phone numbers and travel details. "
            "Liaison officers can sign in at any time to see and correct their city's delegates."
        ),
    ),
    "statement": (
        "About this site",
        (
            "This site is run by the secretariat of the Guangxi Mayors' Association. Please credit the source when "
            "republishing its news.\n\n"
            "If you find an error or a tampered page, please call or e-mail the secretariat at once."
        ),
    ),
}

DOCUMENTS = {
    "广西市长协会章程": (
        "Charter of the Guangxi Mayors' Association",
        "As revised by the 7th member congress on 8 November 2022.",
    ),
    "广西市长协会联络工作办法": ("Rules for liaison work", "How liaison officers are appointed, and what they do."),
}

CATEGORIES = {
    "association-news": "Association news",
    "notices": "Notices",
    "city-exchange": "City exchange",
    "liaison-work": "Liaison work",
    "city-news": "City news",
    "meetings": "Meetings",
    "topics": "Special topics",
}

ARTICLES = {
    "liaison-conference": (
        "{year} Liaison-Work Conference of the Mayors' Association held in Beihai",
        "The conference reviewed a year of liaison work, honoured the year's outstanding liaison officers and visited "
        "Beihai's urban renewal projects.",
        P(
            "From {dates}, the {year} liaison-work conference of the association was held in Beihai. "
            "More than 30 liaison officers from all 22 member cities and the staff of the secretariat took part."
        )
        + P(
            "Secretary-General Mo Chunlin reported on the year's work in organising delegations, reporting information "
            "and studying cities, and set out the tasks ahead. Liaison officers, he said, are the bridge between the "
            "association and its member cities."
        )
        + "<h2>Lectures</h2>"
        + P(
            "Tang Wenbin, president of the regional urban and rural planning institute, lectured on coordinating plans "
            "in urban renewal; Chen Li of the Beihai municipal government presented the conservation of Beihai's old "
            "town."
        )
        + "<h2>Outstanding liaison officers</h2>"
        + P(
            "{awarded} liaison officers were honoured for {year} and shared their experience of organising delegations."
        )
        + "<h2>Site visits</h2>"
        + P(
            "Participants visited the historic quarter of Beihai's old town, the Silver Beach renewal area and the "
            "Tieshan Port industrial park."
        ),
    ),
    "forum-7": (
        "7th China–ASEAN Mayors' Forum held successfully",
        "More than 200 mayors and city representatives from China and the ten ASEAN countries met under the theme "
        '"Digital empowerment, green development".',
        P(
            "The 7th China–ASEAN Mayors' Forum was held in Nanning under the theme \"Digital empowerment, green "
            'development". More than 200 mayors, deputy mayors and city representatives from China and the ten ASEAN '
            "countries attended."
        )
        + P(
            "After the opening and keynote speeches, three parallel sessions discussed smart cities, low-carbon "
            "transport, and culture and tourism."
        )
        + P(
            "During the forum, twelve pairs of Chinese and ASEAN cities signed letters of intent on friendly "
            "cooperation."
        ),
    ),
    "asean-visit": (
        "Association delegation visits cities in ASEAN countries",
        "The delegation visited four cities in Viet Nam and Laos and agreed on cooperation between friendship cities "
        "and on training exchanges.",
        P(
            "At the invitation of cities in ASEAN countries, a delegation of the association visited four cities in "
            "Viet Nam and Laos and reached agreement on friendship-city cooperation, vocational education and training "
            "exchanges."
        ),
    ),
}

SERIES = {
    "china-asean-mayors-forum": "Held every year alongside the China–ASEAN Expo, the forum invites mayors from China "
    "and the ASEAN countries to a dialogue on urban development.",
}
FORUM_THEMES = {
    5: "Modernising city governance",
    6: "Connectivity and shared prosperity",
    7: "Digital empowerment, green development",
    8: "Resilient cities and sustainable development",
}


def _events():
    """English of the demo meetings, by their Chinese titles (which carry the year they are held in)."""
    titles, year = demo_calendar.titles(), demo_calendar.year
    return {
        titles["congress"]: (
            f"{year(demo_calendar.CONGRESS[0])} Member Congress",
            "Liuzhou Conference Centre",
            f"The congress reviews the executive president's work report and the work plan for "
            f"{year(demo_calendar.CONGRESS[0])}.",
        ),
        titles["conference"]: (
            f"{year(demo_calendar.CONFERENCE[0])} Liaison-Work Conference",
            "Beihai International Conference Centre",
            "Liaison officers share a year's work; outstanding officers are honoured; site visits.",
        ),
        titles["training"]: (
            f"Mayors' Training Course {year(demo_calendar.TRAINING[0])}, session 1",
            "Guilin Party School",
            "Theme: high-quality development of county economies and urban-rural integration. "
            "Two participants per city at most.",
        ),
        titles["next_congress"]: (
            f"{year(demo_calendar.NEXT_CONGRESS[0])} Member Congress",
            "Wuzhou Convention and Exhibition Centre",
            f"The congress will review the {year(demo_calendar.CONGRESS[0])} work report and elect additional "
            "council members.",
        ),
    }


SPEAKERS = {
    "唐文彬": ("Tang Wenbin", "President", "Regional Urban and Rural Planning and Design Institute"),
    "陈立": ("Chen Li", "Deputy Secretary-General", "Beihai Municipal People's Government"),
    "莫春林": ("Mo Chunlin", "Secretary-General", "Guangxi Mayors' Association"),
}
AGENDA = {
    "开幕式": "Opening",
    "联络工作报告": "Report on liaison work",
    "专题讲座：城市更新中的规划统筹": "Lecture: coordinating plans in urban renewal",
    "北海老城保护与活化的做法": "Conserving and reviving Beihai's old town",
    "表彰年度优秀联络员": "Honouring the year's outstanding liaison officers",
    "欢迎晚宴": "Welcome dinner",
    "考察北海老城历史文化街区和铁山港区临港产业园": (
        "Visit to Beihai's historic old town and the Tieshan Port industrial park"
    ),
}
CITY_INTRO = (
    "{name} is a {level} city of the Guangxi Zhuang Autonomous Region, with about {population:,} residents "
    "and an area of about {area} km². It joined the association in {joined} and takes part in its congresses, "
    "liaison-work conferences and the mayors' forum."
)


def _english_span(start, end):
    """12 to 14 November, or 30 November to 2 December."""
    first, last = demo_calendar.day(start), demo_calendar.day(end)
    if first.month == last.month:
        return f"{first.day} to {last.day} {last:%B}"
    return f"{first.day} {first:%B} to {last.day} {last:%B}"


def _fill(obj, **english):
    """Set the English fields that are still empty; save only what changed."""
    changed = [field for field, value in english.items() if value and not getattr(obj, field)]
    for field in changed:
        setattr(obj, field, english[field])
    if changed:
        obj.save(update_fields=changed)
    return bool(changed)


def load(log):
    filled = 0
    association = Association.objects.first()
    if association:
        filled += _fill(association, **PROFILE)
    for leader in Mandate.objects.filter(name__in=LEADERS):
        name_en, biography_en = LEADERS[leader.name]
        filled += _fill(
            leader, name_en=name_en, biography_en=biography_en, affiliation_en=AFFILIATIONS.get(leader.affiliation, "")
        )
    for branch in Branch.objects.filter(slug__in=BRANCHES):
        filled += _fill(branch, introduction_en=BRANCHES[branch.slug])
    for page in Page.objects.filter(slug__in=PAGES):
        title, body = PAGES[page.slug]
        body = body.format(cities=len(CITIES), prefectures=cities_at("prefecture"), counties=cities_at("county"))
        filled += _fill(page, title_en=title, body_en=body)
    congress_year = demo_calendar.year(demo_calendar.CONGRESS[0])
    documents = {
        **DOCUMENTS,
        f"广西市长协会{congress_year - 1}年工作报告": (
            f"Work report {congress_year - 1}",
            f"Given by the executive president to the {congress_year} member congress.",
        ),
    }
    for document in Document.objects.filter(title__in=documents):
        title, description = documents[document.title]
        filled += _fill(document, title_en=title, description_en=description)
    for category in Category.objects.filter(slug__in=CATEGORIES):
        filled += _fill(category, name_en=CATEGORIES[category.slug])
    conference = {
        "year": demo_calendar.year(demo_calendar.CONFERENCE[0]),
        "dates": _english_span(*demo_calendar.CONFERENCE),
        "awarded": HONOURED_THIS_YEAR,
    }
    for article in Article.objects.filter(slug__in=ARTICLES):
        title, summary, body = (text.format(**conference) for text in ARTICLES[article.slug])
        filled += _fill(article, title_en=title, summary_en=summary, body_en=body)
    for series in EventSeries.objects.filter(slug__in=SERIES):
        filled += _fill(series, description_en=SERIES[series.slug])
    events = _events()
    for event in Event.objects.select_related("series"):
        if event.series_id and event.edition in FORUM_THEMES:
            theme = FORUM_THEMES[event.edition]
            filled += _fill(
                event,
                title_en=theme,
                venue_en="Nanning International Convention and Exhibition Centre",
                description_en=f'The forum\'s theme: "{theme}".',
            )
        elif event.title in events:
            title, venue, description = events[event.title]
            filled += _fill(event, title_en=title, venue_en=venue, description_en=description)
    for speaker in Speaker.objects.filter(name__in=SPEAKERS):
        name, title, organisation = SPEAKERS[speaker.name]
        filled += _fill(speaker, name_en=name, title_en=title, organisation_en=organisation)
    for item in AgendaItem.objects.filter(title__in=AGENDA):
        filled += _fill(item, title_en=AGENDA[item.title])
    for city in MemberCity.objects.exclude(name_en=""):
        level = "prefecture-level" if city.level == MemberCity.Level.PREFECTURE else "county-level"
        filled += _fill(
            city,
            introduction_en=CITY_INTRO.format(
                name=city.name_en,
                level=level,
                population=(city.population or 0) * 10_000,
                area=city.area or 0,
                joined=city.joined_on.year if city.joined_on else "the 1990s",
            ),
        )
    log(f"English versions added: {filled}")
