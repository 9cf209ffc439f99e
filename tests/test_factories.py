"""Every model has a factory, and every factory still makes a valid row of its model."""

import factory
import pytest
from django.apps import apps
from django.contrib.auth import get_user_model

from tests import factories

APPS = [
    "core",
    "association",
    "members",
    "membership",
    "governance",
    "surveys",
    "events",
    "news",
    "publications",
    "subscriptions",
    "insight",
    "api",
]

# SearchEntry rows are derived data that core.search.signals keeps in step with the searchable models: a factory
# could only write entries pointing at no object, or duplicate the index code. See tests/factories/core.py.
NO_FACTORY = {"core.SearchEntry"}

FACTORIES = sorted(
    (
        value
        for value in vars(factories).values()
        if isinstance(value, type) and issubclass(value, factory.django.DjangoModelFactory)
    ),
    key=lambda factory_class: factory_class.__name__,
)


def label(model):
    return f"{model._meta.app_label}.{model.__name__}"


def project_models():
    """The concrete models of the project's apps, without the many-to-many tables and histories Django and
    django-simple-history make."""
    return [
        model
        for app_label in APPS
        for model in apps.get_app_config(app_label).get_models()
        if not model._meta.abstract and not model._meta.proxy and not model.__name__.startswith("Historical")
    ]


def test_every_model_of_the_project_has_a_factory():
    with_factory = {label(factory_class._meta.model) for factory_class in FACTORIES}
    assert {label(model) for model in project_models()} - NO_FACTORY - with_factory == set()


def test_the_models_without_a_factory_exist():
    """A model in NO_FACTORY that was renamed or removed should leave the list too."""
    assert NO_FACTORY <= {label(model) for model in project_models()}


def test_the_user_model_has_a_factory():
    assert get_user_model() in {factory_class._meta.model for factory_class in FACTORIES}


@pytest.mark.django_db
@pytest.mark.parametrize("factory_class", FACTORIES, ids=lambda factory_class: factory_class.__name__)
def test_a_factory_saves_a_valid_row_that_reads_back(factory_class):
    made = factory_class()
    model = factory_class._meta.model

    stored = model.objects.get(pk=made.pk)

    assert stored == made
    for field in model._meta.concrete_fields:
        if not field.primary_key:
            assert field.value_from_object(stored) == field.value_from_object(made), field.name
    stored.full_clean()  # what the admin would accept: choices, lengths, validators (images through Pillow)
