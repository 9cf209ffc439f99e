"""Nine o'clock: the officers of many member cities post their delegation as registration opens, each from a
connection of their own, at arrival times fixed beforehand (an open loop: nobody waits for another's answer).
Used by the stack test (200 cities) and by `make bench-http` (1,000; tools/bench_nine.py).

`burst()` sends the posts and times them; `problems()` checks what the database holds afterwards against what the
officers were told: the capacity exactly, one active delegation per city, the waiting list in arrival order."""

import asyncio
import random
import ssl
import statistics
import threading
import time
import urllib.parse
from dataclasses import dataclass

from tests.stack.processes import CSRF


def delegates(count):
    return [
        {"name": f"代表{n}", "gender": "male", "position": "副市长", "rank": n + 1, "is_head": n == 0}
        for n in range(count)
    ]


def form_fields(city_index):
    """A delegation of one to three delegates (the same for a city in every run), consent given."""
    people = delegates(1 + city_index % 3)
    data = {
        "delegates-TOTAL_FORMS": str(len(people)),
        "delegates-INITIAL_FORMS": "0",
        "delegates-MIN_NUM_FORMS": "1",
        "delegates-MAX_NUM_FORMS": "50",
        "remarks": "",
        "consent": "on",
    }
    for n, person in enumerate(people):
        for key, value in person.items():
            if key != "is_head":
                data[f"delegates-{n}-{key}"] = value
            elif value:
                data[f"delegates-{n}-is_head"] = "on"
        data[f"delegates-{n}-accommodation"] = "single"
    return data


def form_body(city_index):
    return urllib.parse.urlencode({**form_fields(city_index), "csrfmiddlewaretoken": CSRF}).encode()


def arrivals(count, *, within=60.0, first_share=0.5, first_seconds=10.0, seed=900):
    """Seconds after opening at which each officer sends: `first_share` of them in the first `first_seconds`,
    the others over the rest of the minute, each uniformly at random. within=0 sends all at one instant."""
    rng = random.Random(seed)
    if within == 0:
        return [0.0] * count
    early = int(count * first_share)
    times = [rng.uniform(0, first_seconds) for _ in range(early)]
    times += [rng.uniform(first_seconds, within) for _ in range(count - early)]
    return sorted(times)


@dataclass
class Post:
    city_id: int
    scheduled: float  # seconds after the start
    sent: float = 0.0
    answered: float = 0.0
    status: int = 0

    @property
    def latency(self):
        """From the moment the officer meant to send to the answer: waiting to connect counts too."""
        return self.answered - self.scheduled


async def _post(port, path, body, session, tls):
    reader, writer = await asyncio.open_connection("127.0.0.1", port, ssl=tls)
    scheme = "https" if tls else "http"
    head = (
        f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nReferer: {scheme}://127.0.0.1:{port}/\r\n"
        f"Cookie: csrftoken={CSRF}; sessionid={session}\r\nContent-Type: application/x-www-form-urlencoded\r\n"
        f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
    )
    writer.write(head.encode() + body)
    await writer.drain()
    status_line = await reader.readline()
    await reader.read()  # to the end: the answer is complete
    writer.close()
    try:
        await writer.wait_closed()
    except (ConnectionError, ssl.SSLError):
        pass  # nginx may close first
    return int(status_line.split()[1])


def withdrawal_body(_city_index):
    return urllib.parse.urlencode({"withdraw": "1", "csrfmiddlewaretoken": CSRF}).encode()


async def _burst(port, path, sessions, schedule, tls, body):
    start = time.monotonic() + 0.5
    posts = [Post(city_id, at) for (city_id, _session), at in zip(sessions, schedule, strict=True)]

    async def officer(post, session, index):
        await asyncio.sleep(max(0.0, start + post.scheduled - time.monotonic()))
        post.sent = time.monotonic() - start
        try:
            post.status = await _post(port, path, body(index), session, tls)
        except (OSError, ssl.SSLError, ValueError, IndexError):
            post.status = 0  # no answer at all
        post.answered = time.monotonic() - start

    pairs = enumerate(zip(posts, sessions, strict=True))
    await asyncio.gather(*(officer(post, session, index) for index, (post, (_city, session)) in pairs))
    return posts


def burst(port, path, sessions, schedule, tls=None, body=form_body):
    """Each (city_id, session cookie) posts `body(its index)`, by default its city's delegation, to `path` at its
    time in `schedule`."""
    # In a thread of its own: the browser tests' Playwright may leave an event loop running in this one.
    done = []

    def run():
        done.append(asyncio.run(_burst(port, path, sessions, schedule, tls, body)))

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    return done[0]


def figures(posts):
    latencies = sorted(post.latency for post in posts)
    took = max(post.answered for post in posts) - min(post.sent for post in posts)
    return {
        "posts": len(posts),
        "per second": len(posts) / took,
        "took s": took,
        "p50 ms": 1000 * statistics.median(latencies),
        "p99 ms": 1000 * latencies[max(0, int(len(latencies) * 0.99) - 1)],
        "max ms": 1000 * latencies[-1],
        "5xx": sum(post.status >= 500 for post in posts),
        "no answer": sum(post.status == 0 for post in posts),
    }


def problems(event, posts):
    """What the database holds for `event` that contradicts the rules or what the officers did; [] when all is
    well. Run in a process with Django set up on the same database."""
    from events.models import Delegation

    found = []
    by_city = {}
    for delegation in Delegation.objects.filter(event=event).active().only("city_id", "state", "delegate_count"):
        if delegation.city_id in by_city:
            found.append(f"city {delegation.city_id} has two active delegations")
        by_city[delegation.city_id] = delegation
    answered = [post for post in posts if post.status == 302]
    if len(answered) != len(posts):
        statuses = sorted({post.status for post in posts if post.status != 302})
        found.append(f"{len(posts) - len(answered)} posts were not saved (answers {statuses})")
    missing = [post.city_id for post in answered if post.city_id not in by_city]
    if missing:
        found.append(f"{len(missing)} cities told their delegation was saved have none, e.g. {missing[:3]}")
    confirmed = sum(d.delegate_count for d in by_city.values() if d.state == Delegation.State.CONFIRMED)
    waiting = list(Delegation.objects.filter(event=event).waiting())
    if confirmed > event.capacity:
        found.append(f"{confirmed} delegates confirmed for {event.capacity} places")
    if waiting and confirmed + waiting[0].delegate_count <= event.capacity:
        found.append(f"the first on the waiting list would fit: {confirmed} of {event.capacity} places taken")
    if posts:
        found += _out_of_order(by_city, waiting, {post.city_id: post for post in answered})
    return found


def _out_of_order(by_city, waiting, post_of):
    """Whoever had their answer before another officer sent must stand before them: every confirmed delegation
    before every waiting one, and the waiting list in that order."""
    from events.models import Delegation

    found = []
    confirmed_sent = [post_of[c].sent for c, d in by_city.items() if d.state == Delegation.State.CONFIRMED]
    waiting_answered = [post_of[d.city_id].answered for d in waiting]
    if confirmed_sent and waiting_answered and min(waiting_answered) < max(confirmed_sent):
        found.append("a city was confirmed after one that arrived before it had been put on the waiting list")
    latest_sent_ahead = 0.0
    for position, delegation in enumerate(waiting):
        post = post_of[delegation.city_id]
        if latest_sent_ahead > post.answered:
            found.append(f"waiting list position {position + 1} stands behind a city that arrived after its answer")
            break
        latest_sent_ahead = max(latest_sent_ahead, post.sent)
    return found
