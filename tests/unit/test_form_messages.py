"""A text typed too long is refused in Chinese, naming the field and what to do (tracker/forms.at_most),
never with WTForms' own English "Field cannot be longer than N characters."."""
from __future__ import annotations

import importlib
import re

from werkzeug.datastructures import MultiDict
from wtforms import Form, StringField
from wtforms.fields.core import UnboundField
from wtforms.validators import Length

from tests.helpers.paths import ROOT
from tracker.forms import at_most

HAN = re.compile(r"[\u4e00-\u9fff]")


def form_modules():
    """Every ``forms.py`` of the tracker, imported (tracker/forms.py, tracker/admin/forms.py, …)."""
    for path in sorted((ROOT / "tracker").rglob("forms.py")):
        name = ".".join(path.relative_to(ROOT).with_suffix("").parts)
        yield importlib.import_module(name)


def length_validators():
    """(form module, class, field, Length validator) of every field declared on a form class."""
    for module in form_modules():
        for cls in vars(module).values():
            if not isinstance(cls, type):
                continue
            for attribute, value in vars(cls).items():
                if isinstance(value, UnboundField):
                    for validator in value.kwargs.get("validators") or ():
                        if isinstance(validator, Length):
                            yield module.__name__, cls.__name__, attribute, validator


def test_a_too_long_text_is_refused_naming_the_field_and_what_to_do():
    class ReportForm(Form):
        progress = StringField("进展情况", validators=[at_most("进展情况", 5)])

    form = ReportForm(MultiDict({"progress": "已完成排查工作。"}))
    assert not form.validate()
    assert form.errors == {"progress": ["“进展情况”不能超过 5 字，请精简后重新提交。"]}


def test_every_length_limit_of_the_forms_speaks_chinese():
    found = list(length_validators())
    assert len(found) > 10  # the forms were found: admin, auth, tasks, supervision …
    english = [f"{module}.{cls}.{field}" for module, cls, field, validator in found
               if not (validator.message and HAN.search(validator.message))]
    assert not english, "a Length without a Chinese message (use tracker.forms.at_most): " + ", ".join(english)
