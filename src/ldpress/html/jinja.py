"""Jinja2 support: a ``jsonld_script`` filter that renders the safe JSON-LD script element.

``{{ bundle | jsonld_script }}`` gives exactly :func:`ldpress.html.script.script_tag`'s string,
marked safe so that autoescaping does not turn it into entities (the JSON inside is already
escaped for a script element; entities there would reach the JSON parser undecoded).  Use
:func:`install` to add the filter to an environment.  Jinja2 is an optional dependency
(``pip install ldpress[jinja]``); this module imports it only here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from ldpress.html.script import script_tag

if TYPE_CHECKING:
    from jinja2 import Environment

FILTER_NAME = "jsonld_script"


def jsonld_script(data: Any, indent: int | None = 2, attrs: str = "") -> Markup:
    """The ``<script type="application/ld+json">`` element for ``data``, as safe Markup."""
    return Markup(script_tag(data, indent=indent, attrs=attrs))


def install(env: Environment) -> Environment:
    """Add the ``jsonld_script`` filter to a ``jinja2.Environment``; returns the environment."""
    env.filters[FILTER_NAME] = jsonld_script
    return env
