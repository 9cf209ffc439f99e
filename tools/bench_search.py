"""Search latency on PostgreSQL over 10,000, 100,000 and 1,000,000 generated news articles, printed as a table.

Run with `make bench`. Uses its own database (BENCH_DATABASE_URL, by default portal_bench on the local
PostgreSQL), which it creates if needed and fills with generated index entries; the site's data is untouched.
The entries are written with COPY, the table's indexes set aside during each load and built again after it, so
the million takes minutes (BENCH_SEARCH_SIZES=10000,100000 stops earlier). Besides the articles' usual words,
each carries a few of a hundred thousand rarer two-character words, drawn with Zipf's law, so that the queries
include words of every frequency: common (城市), middling, rare and absent.
Each timing is a whole request to /search/?q=... through Django: parsing, the ranked query, the counts
and the rendered page.
"""

import datetime
import functools
import io
import itertools
import os
import random
import statistics
import sys
import time
from bisect import bisect_left
from multiprocessing import Pool
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
BENCH_DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/portal_bench")
os.environ["DATABASE_URL"] = BENCH_DATABASE_URL
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")  # DEBUG off, as in production
os.environ.setdefault("DEBUG", "true")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")
os.environ.setdefault("LOG_LEVEL", "WARNING")  # one line a request would drown the table

import django  # noqa: E402
import psycopg2  # noqa: E402

SIZES = [int(size) for size in os.environ.get("BENCH_SEARCH_SIZES", "10000,100000,1000000").split(",")]
ROUNDS = 15
NOW = datetime.datetime(2026, 12, 1, tzinfo=datetime.UTC)
HAN = (
    "长求老头基资边流路级少图山统接知较将组见计别手角期根论运农指几九区强放决西被干做必战先回则任取据处府"
    "水林田湖草沙江河海港桥街镇村园航铁站场馆校院厂矿企贸商税价费财金银粮棉油茶糖果菜肉蛋奶鱼虾蟹医药病疫康育幼教研科技网云智电光热风核汽船"
)
RARER_WORDS = sorted({first + second for first in HAN for second in HAN if first != second})
random.Random(12345).shuffle(RARER_WORDS)
ZIPF = list(itertools.accumulate(1.0 / rank for rank in range(1, len(RARER_WORDS) + 1)))
RARER_PER_ARTICLE = 8
# Common, middling (ranks 30 and 300 of the rarer words), rare (rank 3,000), phrases, several words, and absent.
QUERIES = [
    "城市",
    "联络员",
    RARER_WORDS[29],
    RARER_WORDS[299],
    RARER_WORDS[2999],
    "北海 会议",
    '"城市更新"',
    "聯絡員 培訓",
    "防城港 口岸 通关",
    "forum",
    "不存在的词语",
]

CITIES = [
    "南宁",
    "柳州",
    "桂林",
    "梧州",
    "北海",
    "防城港",
    "钦州",
    "贵港",
    "玉林",
    "百色",
    "贺州",
    "河池",
    "来宾",
    "崇左",
    "东兴",
    "凭祥",
    "岑溪",
    "北流",
    "桂平",
    "靖西",
    "合山",
    "荔浦",
]
TOPICS = [
    "推进城市更新重点项目建设",
    "召开优化营商环境大会",
    "开展城市公园绿地提升行动",
    "举办联络员业务培训班",
    "接待东盟国家城市代表团",
    "召开老旧小区改造现场会",
    "发布城市体检评估报告",
    "推进口岸通关便利化",
    "启动海绵城市建设试点",
    "举办文旅融合发展论坛",
    "部署防汛救灾工作",
    "召开信息报送工作会议",
]
SENTENCES = [
    "{city}市人民政府有关负责同志介绍了工作进展。",
    "会议总结交流了一年来的联络工作，表彰了年度优秀联络员。",
    "与会代表实地考察了{city}老城历史文化街区。",
    "今年以来，{city}市实施城市更新项目三十余个，完成老旧小区改造一百二十个。",
    "下一步将继续加大投入，让群众有更多获得感。",
    "论坛围绕数字赋能和绿色发展进行了深入交流。",
    "{city}市出台优化营商环境十条措施，推行一件事一次办。",
    "秘书处将做好信息报送和代表团组织工作。",
    "会议研究了港口集疏运体系建设和口岸通关便利化措施。",
    "专家认为，老旧小区改造要坚持先民生后提升。",
    "来自东盟国家的市长和代表出席了活动。",
    "{city}市新建和改造口袋公园二十五个，市民出门三百米见绿。",
    "培训班邀请规划、建设领域专家授课。",
    "The forum discussed smart cities and low-carbon transport.",
]


def _article(seed):
    """Title, summary and body of a generated article, each as a list of pieces (sentences, or a rarer word with
    its comma) that are segmented once each and reused."""
    rng = random.Random(seed)
    city = rng.choice(CITIES)
    title = [f"{city}市{rng.choice(TOPICS)}"]
    summary = [rng.choice(SENTENCES).format(city=city)]
    body = [rng.choice(SENTENCES).format(city=rng.choice(CITIES)) for _ in range(rng.randint(6, 14))]
    rarer = [RARER_WORDS[bisect_left(ZIPF, rng.random() * ZIPF[-1])] for _ in range(RARER_PER_ARTICLE)]
    return title, summary, [*body, "关键词：", *(f"{word}，" for word in rarer)]


@functools.cache
def _segmented(piece):
    """The piece's (offset, word) pairs as the index makes them, and how many positions it takes."""
    from core.search.segment import _tokens, positioned_words

    return list(positioned_words(piece, start=0)), sum(1 for _ in _tokens(piece))


def _tsvector(parts):
    """What core.search.index.tsvector_literal makes of (weight, pieces) parts, from the pieces' memoized words."""
    from core.search.index import PART_GAP, lexeme
    from core.search.segment import MAX_POSITION

    positions = {}
    start = 1
    for weight, pieces in parts:
        last = start
        for piece in pieces:
            pairs, length = _segmented(piece)
            for offset, word in pairs:
                last = min(start + offset, MAX_POSITION)
                positions.setdefault(word, []).append(f"{last}{weight}")
            start += length
        start = last + PART_GAP
    return " ".join(f"{lexeme(word)}:{','.join(dict.fromkeys(marks))}" for word, marks in positions.items())


def _copy_line(seed):
    """One entry as a line of COPY's text format."""
    title, summary, body = _article(seed)
    words = _tsvector([("A", title), ("B", summary), ("C", body)])
    date = NOW - datetime.timedelta(minutes=seed * 7)
    text = "".join(summary + body)[:3000]
    fields = ["article", str(seed + 1), str(seed + 1), title[0], "", text, "", date.isoformat()]
    fields += ["\\N", "f", words]
    return "\t".join(_escaped(field) if field != "\\N" else field for field in fields) + "\n"


def _escaped(value):
    return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def _create_database():
    parts = urlsplit(BENCH_DATABASE_URL)
    name = parts.path.lstrip("/")
    connection = psycopg2.connect(
        host=parts.hostname, port=parts.port or 5432, user=parts.username, password=parts.password, dbname="postgres"
    )
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if not cursor.fetchone():
            cursor.execute(f'CREATE DATABASE "{name}"')
    connection.close()


COLUMNS = "kind, object_id, key, title, title_en, text, text_en, date, visible_from, members_only, words"


GIN_INDEX = "CREATE INDEX search_entry_words_gin ON association_searchentry USING gin (words)"  # as migrated


def _ensure_indexes():
    """The table's indexes as migrated, whatever an interrupted earlier run left."""
    from django.db import connection

    from core.search.models import SearchEntry

    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname FROM pg_indexes WHERE tablename = 'association_searchentry'")
        present = {name for (name,) in cursor.fetchall()}
        if "search_entry_words_gin" not in present:
            cursor.execute(GIN_INDEX)
    with connection.schema_editor() as editor:
        for index in SearchEntry._meta.indexes:
            if index.name not in present:
                editor.add_index(SearchEntry, index)


def _fill(start, stop, pool):
    """Entries start..stop with COPY; the table's other indexes dropped meanwhile and built again afterwards."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'association_searchentry' "
            "AND indexname NOT IN ('association_searchentry_pkey', 'one_search_entry_per_item')"
        )
        indexes = cursor.fetchall()
        for name, _definition in indexes:
            cursor.execute(f'DROP INDEX "{name}"')
        try:
            buffer = io.StringIO()
            for line in pool.imap(_copy_line, range(start, stop), chunksize=1000):
                buffer.write(line)
                if buffer.tell() > 50_000_000:
                    _copy(cursor, buffer)
                    buffer = io.StringIO()
            _copy(cursor, buffer)
        finally:
            cursor.execute("SET maintenance_work_mem = '512MB'")
            for _name, definition in indexes:
                cursor.execute(definition)
        cursor.execute("ANALYZE association_searchentry")


def _copy(cursor, buffer):
    buffer.seek(0)
    cursor.copy_expert(f"COPY association_searchentry ({COLUMNS}) FROM STDIN", buffer)


def _timings(client, query):
    client.get("/search/", {"q": query})  # warm
    samples = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        response = client.get("/search/", {"q": query})
        samples.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (query, response.status_code)
    return samples


def _p95(samples):
    ordered = sorted(samples)
    return ordered[max(0, int(len(ordered) * 0.95) - 1)]


def main():
    _create_database()
    django.setup()
    from django.core.management import call_command
    from django.test import Client

    from core.search.query import matching, parse, visible_entries

    call_command("migrate", verbosity=0)
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE association_searchentry")
    _ensure_indexes()
    client = Client()
    overall = {}
    print(f"{'articles':>9}  {'query':14} {'matches':>8} {'median':>8} {'p95':>8}")
    with Pool() as pool:
        filled = 0
        for size in SIZES:
            started = time.perf_counter()
            _fill(filled, size, pool)
            filled = size
            print(f"{size:>9,}  (generated and indexed in {time.perf_counter() - started:.0f} s)")
            every = []
            for query in QUERIES:
                from django.contrib.auth.models import AnonymousUser

                matches = matching(parse(query), visible_entries(AnonymousUser())).count()
                samples = _timings(client, query)
                every += samples
                print(
                    f"{size:>9,}  {query:14} {matches:>8,} {statistics.median(samples):7.1f}ms {_p95(samples):7.1f}ms"
                )
            overall[size] = (statistics.median(every), _p95(every))
            print(f"{size:>9,}  {'all queries':14} {'':>8} {overall[size][0]:7.1f}ms {overall[size][1]:7.1f}ms")
    before = SIZES[-2] if len(SIZES) > 1 else SIZES[0]  # the target compares the million with 100,000
    small, large = overall[before], overall[SIZES[-1]]
    print(
        f"\np95 at {SIZES[-1]:,}: {large[1]:.1f} ms (target: under 50 ms); "
        f"growth from {before:,}: {large[1] / small[1]:.2f}x p95, {large[0] / small[0]:.2f}x median "
        "(target: at most 1.5x)"
    )


if __name__ == "__main__":
    main()
