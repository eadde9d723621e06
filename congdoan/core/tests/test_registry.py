"""The portal registry: what installed apps contribute, once each, in their places."""

import pytest
from django.test import RequestFactory

from congdoan.core import registry
from congdoan.core.pages import BasePage
from congdoan.core.registry import Placed, PortalContributions


@pytest.fixture
def two_apps(monkeypatch):
    first = PortalContributions(
        stylesheets=("shared/common.css", "first/first.css"),
        sidebar_templates=("first/widget.html", Placed("first/counter.html", order=1000)),
    )
    second = PortalContributions(
        stylesheets=("shared/common.css",),
        sidebar_templates=(Placed("second/top.html", order=10), "second/widget.html"),
    )
    monkeypatch.setattr(
        registry, "app_contributions", lambda: [("first", first), ("second", second)]
    )


def test_each_asset_is_listed_once_in_app_order(two_apps):
    assert registry.contributions("stylesheets") == ["shared/common.css", "first/first.css"]


def test_placed_templates_follow_their_order_then_app_order(two_apps):
    assert registry.placed_templates("sidebar_templates") == [
        "second/top.html",
        "first/widget.html",
        "second/widget.html",
        "first/counter.html",
    ]


def test_an_unknown_contribution_is_an_error_not_an_empty_list():
    with pytest.raises(KeyError):
        registry.contributions("sidebar")


def test_installed_apps_declare_demo_loaders_in_installed_order():
    labels = [label for label, portal in registry.app_contributions() if portal.demo_loader]
    assert labels[0] == "core"


@pytest.mark.parametrize(
    ("query", "number"), [("", 1), ("2", 2), ("abc", 1), ("999", 3), ("-1", 3), ("1e9", 1)]
)
def test_listing_pages_never_fail_on_hostile_numbers(query, number):
    request = RequestFactory().get("/", {"page": query})

    page_obj = BasePage.paginate(request, list(range(25)), 10)

    assert page_obj.number == number
    assert list(page_obj.object_list) == list(range(25))[(number - 1) * 10 : number * 10]
