"""The registry of what each app contributes to the shared features, declared in one place: the app's
`contributions.py` (core's own is core/contributions.py).

An installed app that has a module `contributions` with a `contributions = Contributions(...)` in it takes part in
the shared features below; core reads the declarations and names no app:

- public URLs (under the language prefixes or at the root), sitemaps, API routers and navigation entries;
- content types: their publication rule (`published()` on the manager, `is_live` on the object), their search
  kinds, the texts the content scan reads, and page-cache membership (a change to the app's models starts a new
  page generation, unless the model is listed as never shown on a public page);
- staff groups and the permissions each group needs of any app's models (granted by data migrations);
- e-mail kinds (what the outbox admin calls them, and whether their body holds a personal link);
- periodic jobs with their schedules (celery beat, and the in-process sweep without a broker);
- demo loaders, run by `load_demo_data` in order of their position;
- the counts its staff see on the admin index (dashboard tiles), its charts of figures over time, and its parts
  of a member city's profile.

Declarations are plain data: models, tasks, views and functions are named by dotted path or label, so a
`contributions` module imports no model and can be read before the app registry is ready (by celery beat).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import import_module
from typing import Any

from django.apps import apps
from django.utils.module_loading import import_string, module_has_submodule

Actions = tuple[str, ...]
ALL: Actions = ("view", "add", "change", "delete")
EDIT: Actions = ("view", "add", "change")
VIEW: Actions = ("view",)


@dataclass(frozen=True)
class Urls:
    """`include(module)` at `prefix`: under the language prefixes (`i18n`), or once at the root."""

    prefix: str
    module: str
    i18n: bool = True


@dataclass(frozen=True)
class SitemapSection:
    name: str  # the section's key in /sitemap.xml
    sitemap: str  # dotted path of a django.contrib.sitemaps.Sitemap class
    position: int = 100


@dataclass(frozen=True)
class ApiRouter:
    """A django-ninja Router (dotted path) mounted at /api/v1/<prefix>; position orders the OpenAPI document."""

    prefix: str
    router: str
    position: int = 100


@dataclass(frozen=True)
class NavEntry:
    """A link in the site's header (`main`) or footer (`footer`) navigation, to a URL name without arguments."""

    url_name: str
    label: Any
    position: int
    place: str = "main"  # "main" or "footer"
    exact: bool = False  # current only on the URL itself, not on the pages below it (home)


@dataclass(frozen=True)
class ContentType:
    """A kind of public content, which keeps the publication protocol: its manager's `published()` gives what
    readers may see, and `obj.is_live` says the same of one object in hand (tests/core/test_registry.py checks that
    they agree). The content scan reads the published rows' texts when `scanned`."""

    model: str  # "app_label.Model"
    scanned: bool = True

    def model_class(self) -> Any:
        return apps.get_model(self.model)

    def published_queryset(self) -> Any:
        return self.model_class().objects.published()


@dataclass(frozen=True)
class StaffGroup:
    name: str  # the stored key, in English
    label: Any  # what people read


@dataclass(frozen=True)
class EmailKind:
    code: str  # stored in OutgoingEmail.kind
    label: Any
    secret: bool = False  # the body holds a sign-in or personal link: staff never see it


@dataclass(frozen=True)
class SmsKind:
    """A text message an app sends. `parameters` name, in order, the values its approved template takes (Tencent
    numbers them, Aliyun names them); `example` is a wording to propose to the provider for approval."""

    code: str  # stored in OutgoingSms.kind and SmsTemplate.kind
    label: Any
    parameters: tuple[str, ...]
    example: Any = ""


@dataclass(frozen=True)
class PeriodicJob:
    """A job celery beat runs on `schedule` (seconds, or a crontab); `name` is also its record in PeriodicRun.
    `in_process` jobs are also run by finished requests when there is no broker (and so no beat)."""

    name: str
    task: str  # the task's dotted name
    schedule: Any
    expires: float | None = None  # a run not started by then is dropped: no pile of runs after an outage
    in_process: bool = False


@dataclass(frozen=True)
class DemoLoader:
    """`load(log)` at `path`, run by load_demo_data in order of position (apps build on each other's demo)."""

    path: str
    position: int


@dataclass(frozen=True)
class SectionStaff:
    """The rows giving staff a part of the site to work for (core/scopes.py): `model` has a `user`, the part
    (`section`, a foreign key) and a `role` holding a staff group's name."""

    model: str
    section: str


@dataclass(frozen=True)
class Chart:
    """A chart of figures over a period (core/backoffice/figures.py): `function(period)` returns a Figure. Staff see
    every chart on the dashboard; `public` ones are also on the public figures page."""

    key: str
    label: Any
    function: str
    position: int
    default_years: int = 5
    public: bool = False
    description: Any = ""
    periodic: bool = True  # False: a picture of today, which no period changes (no period filter)
    permission: str = ""  # "app_label.codename" a staff member needs to see it ("": any staff)


@dataclass(frozen=True)
class ProfileSection:
    """A part of a member city's profile for staff (城市画像), or of its public page when `public`: `function(city)`
    returns a dict for `template`."""

    function: str
    template: str
    position: int
    public: bool = False


@dataclass(frozen=True)
class Contributions:
    urls: tuple[Urls, ...] = ()
    sitemaps: tuple[SitemapSection, ...] = ()
    api_routers: tuple[ApiRouter, ...] = ()
    navigation: tuple[NavEntry, ...] = ()
    content_types: tuple[ContentType, ...] = ()
    # Dotted paths of functions called once when Django starts, each registering this app's search kinds.
    search: tuple[str, ...] = ()
    # Changes to this app's models start a new page generation, except for these models ("Model" names) and the
    # history tables.
    page_cache: bool = False
    never_public: tuple[str, ...] = ()
    # Other (third-party) apps whose rows this app shows on public pages: news shows taggit's tags.
    also_public_apps: tuple[str, ...] = ()
    # Dotted paths of functions `f(now)` telling when this app's public content next changes by itself.
    next_change: tuple[str, ...] = ()
    staff_groups: tuple[StaffGroup, ...] = ()
    # group name -> app label -> model name -> actions (or "codename:<codename>")
    grants: dict[str, dict[str, dict[str, Actions]]] = field(default_factory=dict)
    email_kinds: tuple[EmailKind, ...] = ()
    sms_kinds: tuple[SmsKind, ...] = ()
    periodic_jobs: tuple[PeriodicJob, ...] = ()
    demo: tuple[DemoLoader, ...] = ()
    # Dotted paths of functions `f(request)` yielding core.backoffice.dashboard.Tile for what the user may see.
    dashboard_tiles: tuple[str, ...] = ()
    # Permissions ("app_label.codename") that open members-only files (core/access.py).
    members_permission: str = ""
    # Models whose rows belong to a part of the site (a branch), with the path from a row to it: "app.Model" ->
    # "branch" or "article__branch". Staff of one part see and change only its rows (core/scopes.py).
    scoped: dict[str, str] = field(default_factory=dict)
    # Models ("app.Model") the parts' staff may read, as shared vocabulary (categories, cities).
    shared_with_sections: tuple[str, ...] = ()
    section_staff: SectionStaff | None = None
    charts: tuple[Chart, ...] = ()
    # Models ("Model" names) whose rows no figure counts: writing them does not start a new figures generation.
    not_in_figures: tuple[str, ...] = ()
    city_profile: tuple[ProfileSection, ...] = ()


@dataclass(frozen=True)
class Declared:
    app_label: str
    contributions: Contributions


@cache
def declared() -> tuple[Declared, ...]:
    """Every installed app's declaration, in INSTALLED_APPS order."""
    found = []
    for config in apps.get_app_configs():
        if module_has_submodule(config.module, "contributions"):
            module = import_module(f"{config.name}.contributions")
            found.append(Declared(config.label, module.contributions))
    return tuple(found)


def forget() -> None:
    """Read the declarations again (tests that install an app)."""
    for function in (
        declared,
        navigation,
        page_cache_models,
        members_permissions,
        email_kinds,
        sms_kinds,
        dashboard_providers,
        counts_in_figures,
    ):
        function.cache_clear()


def each() -> Iterator[Contributions]:
    return (entry.contributions for entry in declared())


def urls(*, i18n: bool) -> list[Urls]:
    return [entry for contribution in each() for entry in contribution.urls if entry.i18n is i18n]


def sitemaps() -> dict[str, Any]:
    sections = sorted(
        (section for contribution in each() for section in contribution.sitemaps), key=lambda section: section.position
    )
    return {section.name: import_string(section.sitemap) for section in sections}


def api_routers() -> list[tuple[str, Any]]:
    routers = sorted(
        (entry for contribution in each() for entry in contribution.api_routers), key=lambda entry: entry.position
    )
    return [(entry.prefix, import_string(entry.router)) for entry in routers]


# The answers read on every request or save are worked out once: the declarations do not change while the process runs.
@cache
def navigation(place: str) -> tuple[NavEntry, ...]:
    entries = [entry for contribution in each() for entry in contribution.navigation if entry.place == place]
    return tuple(sorted(entries, key=lambda entry: entry.position))


def content_types() -> list[ContentType]:
    return [content_type for contribution in each() for content_type in contribution.content_types]


@cache
def page_cache_models(model: Any) -> bool:
    """Whether a change to `model` may change a public page."""
    meta = model._meta
    if meta.object_name.startswith("Historical"):
        return False
    for entry in declared():
        if entry.app_label == meta.app_label:
            return entry.contributions.page_cache and meta.object_name not in entry.contributions.never_public
    return any(meta.app_label in contribution.also_public_apps for contribution in each())


def next_change_functions() -> list[Callable[..., Any]]:
    return [import_string(path) for contribution in each() for path in contribution.next_change]


def staff_groups() -> list[StaffGroup]:
    return [group for contribution in each() for group in contribution.staff_groups]


def group_permissions() -> dict[str, dict[str, dict[str, Actions]]]:
    """group -> app label -> model -> actions, merged from every app's grants (every declared group present)."""
    merged: dict[str, dict[str, dict[str, Actions]]] = {group.name: {} for group in staff_groups()}
    for contribution in each():
        for group, per_app in contribution.grants.items():
            for app_label, models in per_app.items():
                merged.setdefault(group, {}).setdefault(app_label, {}).update(models)
    return merged


@cache
def members_permissions() -> tuple[str, ...]:
    return tuple(contribution.members_permission for contribution in each() if contribution.members_permission)


@cache
def email_kinds() -> dict[str, EmailKind]:
    return {kind.code: kind for contribution in each() for kind in contribution.email_kinds}


@cache
def sms_kinds() -> dict[str, SmsKind]:
    return {kind.code: kind for contribution in each() for kind in contribution.sms_kinds}


@cache
def dashboard_providers() -> tuple[Callable[..., Any], ...]:
    return tuple(import_string(path) for contribution in each() for path in contribution.dashboard_tiles)


def charts() -> list[Chart]:
    return [chart for contribution in each() for chart in contribution.charts]


@cache
def counts_in_figures(model: Any) -> bool:
    """Whether a change to `model` may change a figure: a project app's model, not its history, not excluded."""
    meta = model._meta
    if meta.object_name.startswith("Historical"):
        return False
    for entry in declared():
        if entry.app_label == meta.app_label:
            return meta.object_name not in entry.contributions.not_in_figures
    return False


def city_profile(*, public: bool = False) -> list[ProfileSection]:
    found = (s for contribution in each() for s in contribution.city_profile if s.public is public)
    return sorted(found, key=lambda s: s.position)


def scoped_models() -> dict[str, str]:
    return {label: path for contribution in each() for label, path in contribution.scoped.items()}


def shared_with_sections() -> list[str]:
    return [label for contribution in each() for label in contribution.shared_with_sections]


def section_staff() -> SectionStaff | None:
    return next((c.section_staff for c in each() if c.section_staff), None)


def periodic_jobs() -> list[PeriodicJob]:
    return [job for contribution in each() for job in contribution.periodic_jobs]


def beat_schedule() -> dict[str, dict[str, Any]]:
    """celery beat's schedule, made of every app's periodic jobs."""
    schedule: dict[str, dict[str, Any]] = {}
    for job in periodic_jobs():
        entry: dict[str, Any] = {"task": job.task, "schedule": job.schedule}
        if job.expires is not None:
            entry["options"] = {"expires": job.expires}
        schedule[job.name] = entry
    return schedule


def job_for_task(task_name: str) -> PeriodicJob:
    for job in periodic_jobs():
        if job.task == task_name:
            return job
    raise LookupError(f"no periodic job runs {task_name}")


def demo_loaders() -> list[Callable[[Callable[[str], None]], Any]]:
    ordered = sorted(
        (loader for contribution in each() for loader in contribution.demo), key=lambda loader: loader.position
    )
    return [import_string(loader.path) for loader in ordered]


def call_all(paths: Iterable[str]) -> None:
    for path in paths:
        import_string(path)()
