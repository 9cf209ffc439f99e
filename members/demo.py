"""Demo member cities of Guangxi with fictional mayors and liaison officers (names invented for this portal)."""

import datetime

from django.utils import timezone

from members import services
from members.models import LiaisonAward, LiaisonOfficer, Mayor, MemberCity, Region

# slug, name, English name, level, population (10,000), area km², latitude, longitude, joined
CITIES = [
    ("nanning", "南宁", "Nanning", "prefecture", 894, 22100, "22.81700", "108.36600", 1993),
    ("liuzhou", "柳州", "Liuzhou", "prefecture", 417, 18600, "24.32600", "109.42800", 1993),
    ("guilin", "桂林", "Guilin", "prefecture", 494, 27800, "25.27400", "110.29000", 1993),
    ("wuzhou", "梧州", "Wuzhou", "prefecture", 280, 12600, "23.47700", "111.27900", 1993),
    ("beihai", "北海", "Beihai", "prefecture", 187, 3989, "21.48100", "109.12000", 1994),
    ("fangchenggang", "防城港", "Fangchenggang", "prefecture", 105, 6222, "21.68600", "108.35500", 1995),
    ("qinzhou", "钦州", "Qinzhou", "prefecture", 330, 10800, "21.97900", "108.65400", 1995),
    ("guigang", "贵港", "Guigang", "prefecture", 432, 10600, "23.11100", "109.59900", 1996),
    ("yulin", "玉林", "Yulin", "prefecture", 580, 12800, "22.65400", "110.18100", 1996),
    ("baise", "百色", "Baise", "prefecture", 358, 36200, "23.90200", "106.61800", 2002),
    ("hezhou", "贺州", "Hezhou", "prefecture", 201, 11800, "24.40300", "111.56600", 2002),
    ("hechi", "河池", "Hechi", "prefecture", 341, 33500, "24.69300", "108.08500", 2002),
    ("laibin", "来宾", "Laibin", "prefecture", 207, 13400, "23.75000", "109.22100", 2003),
    ("chongzuo", "崇左", "Chongzuo", "prefecture", 209, 17300, "22.37700", "107.36500", 2003),
    ("dongxing", "东兴", "Dongxing", "county", 21, 590, "21.54800", "107.97200", 2004),
    ("pingxiang", "凭祥", "Pingxiang", "county", 12, 650, "22.09400", "106.76600", 2004),
    ("cenxi", "岑溪", "Cenxi", "county", 80, 2783, "22.91800", "110.99400", 2005),
    ("beiliu", "北流", "Beiliu", "county", 130, 2457, "22.70800", "110.35400", 2005),
    ("guiping", "桂平", "Guiping", "county", 160, 4074, "23.39400", "110.07900", 2006),
    ("jingxi", "靖西", "Jingxi", "county", 53, 3331, "23.13400", "106.41800", 2016),
    ("heshan", "合山", "Heshan", "county", 11, 362, "23.80600", "108.88600", 2006),
    ("lipu", "荔浦", "Lipu", "county", 36, 1759, "24.48800", "110.39500", 2019),
]

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐韦覃蒙陆莫农"
GIVEN = [
    "建国",
    "海燕",
    "志强",
    "丽华",
    "明",
    "晓东",
    "春梅",
    "卫东",
    "国庆",
    "文斌",
    "雪莲",
    "永平",
    "立新",
    "红霞",
    "振华",
    "慧敏",
]
# The demo people's names as they write them in Latin script (kept by hand on the real site: no rule makes them).
LATIN_SURNAMES = dict(
    zip(
        "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐韦覃蒙陆莫农黎邓苏",
        "Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Gao Lin Luo Zheng Liang Xie Song Tang "
        "Wei Qin Meng Lu Mo Nong Li Deng Su".split(),
        strict=True,
    )
)
LATIN_GIVEN = {
    "建国": "Jianguo", "海燕": "Haiyan", "志强": "Zhiqiang", "丽华": "Lihua", "明": "Ming", "晓东": "Xiaodong",
    "春梅": "Chunmei", "卫东": "Weidong", "国庆": "Guoqing", "文斌": "Wenbin", "雪莲": "Xuelian", "永平": "Yongping",
    "立新": "Lixin", "红霞": "Hongxia", "振华": "Zhenhua", "慧敏": "Huimin", "志明": "Zhiming", "丽娟": "Lijuan",
    "建华": "Jianhua", "国强": "Guoqiang", "志宏": "Zhihong", "建军": "Jianjun", "文远": "Wenyuan",
    "明峰": "Mingfeng", "志刚": "Zhigang", "国栋": "Guodong",
}  # fmt: skip


def latin_name(name):
    """李国强 → Li Guoqiang, for the demo's names."""
    return f"{LATIN_SURNAMES[name[0]]} {LATIN_GIVEN[name[1:]]}"


POSITIONS = ["市人民政府副秘书长", "市人民政府办公室副主任", "市人民政府外事办公室副主任"]
INTRO = (
    "{name}是广西壮族自治区的{level}，常住人口约{population}万人，面积约{area}平方公里。"
    "{name}市于{joined}年加入本会，积极参加会员大会、联络工作会议和市长论坛，"
    "在城市更新、产业合作和对外交往方面与其他会员城市开展了广泛交流。"
)


# The mayors who hold offices of the association and its branches (governance/demo.py): the same people on both pages.
MAYORS = {
    "nanning": (("韦志宏", "male"), ("李国强", "male")),
    "liuzhou": (("覃海燕", "female"), ("黎建华", "male")),
    "guilin": (("黄建军", "male"), ("邓文远", "male")),
    "beihai": (("陆明峰", "male"), ("罗志刚", "male")),
    "qinzhou": (("周晓东", "male"), ("梁国栋", "male")),
    "fangchenggang": (("杨振华", "male"), ("苏文斌", "male")),
}


AWARDS_PER_YEAR = 6  # in the years before this one
HONOURED_THIS_YEAR = 3  # this year's, chosen through the nomination call (surveys/demo.py)


def cities_at(level):
    """How many demo cities are of this level (prefecture, county)."""
    return sum(1 for city in CITIES if city[3] == level)


def _person(seed):
    return SURNAMES[seed * 7 % len(SURNAMES)] + GIVEN[seed * 5 % len(GIVEN)]


def load(log):
    region, _ = Region.objects.get_or_create(
        name="广西壮族自治区", defaults={"name_en": "Guangxi Zhuang Autonomous Region"}
    )
    if MemberCity.objects.exists():
        log(f"member cities: {MemberCity.objects.count()} (kept)")
        return
    for seed, (slug, name, name_en, level, population, area, lat, lon, joined) in enumerate(CITIES):
        level_label = "设区市" if level == "prefecture" else "县级市"
        city = MemberCity(
            slug=slug,
            name=f"{name}市",
            name_en=name_en,
            level=level,
            region=region,
            population=population,
            area=area,
            latitude=lat,
            longitude=lon,
            joined_on=datetime.date(joined, 6, 18),
            introduction=INTRO.format(name=name, level=level_label, population=population, area=area, joined=joined),
        )
        city.save()
        current, previous = MAYORS.get(
            slug, ((_person(seed + 40), "female" if seed % 4 == 1 else "male"), (_person(seed + 80), "male"))
        )
        Mayor.objects.create(
            city=city,
            name=current[0],
            name_latin=latin_name(current[0]),
            gender=current[1],
            term_start=datetime.date(2022, 1 + seed % 12, 10),
        )
        Mayor.objects.create(
            city=city,
            name=previous[0],
            name_latin=latin_name(previous[0]),
            gender=previous[1],
            term_start=datetime.date(2016, 3, 1),
            term_end=datetime.date(2021, 12, 31),
        )
        for index in range(1 if seed % 3 else 2):
            person = _person(seed * 2 + index)
            email = f"{slug}{'' if index == 0 else index + 1}@liaison.gxmayors.example.cn"
            officer = LiaisonOfficer(
                user=services.officer_account_for(email=email, name=person),
                city=city,
                name=person,
                name_latin=latin_name(person),
                position=POSITIONS[index],
                office_phone=f"0771-28{seed:02d}{index}0{seed % 10}",
                mobile=f"1380771{seed:02d}{index}{seed % 10}",
                email=email,
                is_primary=index == 0,
                appointed_on=datetime.date(2021 + index, 3, 1),
            )
            officer.save()
    _previous_officer(MemberCity.objects.get(slug="nanning"))
    officers = list(LiaisonOfficer.objects.current().filter(is_primary=True).order_by("city__joined_on", "id"))
    this_year = timezone.localdate().year  # this year's officers are honoured through the nomination call
    for year, start in ((this_year - 3, 0), (this_year - 2, 5), (this_year - 1, 10)):
        for officer in officers[start : start + AWARDS_PER_YEAR]:
            LiaisonAward.objects.create(officer=officer, year=year, title="优秀联络员")
    log(
        f"member cities: {MemberCity.objects.count()}, officers: {LiaisonOfficer.objects.count()}, "
        f"awards: {LiaisonAward.objects.count()}"
    )


def _previous_officer(city):
    """A city's history of officers is kept: one earlier officer whose appointment ended."""
    email = "nanning.former@liaison.gxmayors.example.cn"
    LiaisonOfficer.objects.create(
        user=services.officer_account_for(email=email, name="甘立群"),
        city=city,
        name="甘立群",
        position="市人民政府副秘书长",
        email=email,
        is_primary=True,
        appointed_on=datetime.date(2015, 3, 1),
        ended_on=datetime.date(2021, 2, 28),
    )
