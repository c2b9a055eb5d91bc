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


def test_every_page_form_speaks_chinese_where_wtforms_would_speak_english():
    """A liaison who posts a choice the page did not offer (a stale page, another unit's id) or a number field with
    words reads WTForms' Chinese ("不是有效的选择。"), not "Not a valid choice.": every form class of the tracker is a
    tracker.forms.ChineseForm."""
    from flask import Flask
    from flask_wtf import FlaskForm
    from wtforms import IntegerField, SelectField
    from wtforms.fields.choices import SelectChoice

    from tracker.forms import ChineseForm

    app = Flask(__name__)
    app.config.update(SECRET_KEY="test", WTF_CSRF_ENABLED=False)

    class UnitChoiceForm(ChineseForm):
        unit = SelectField("单位", choices=[SelectChoice("1", "市财政局")])
        count = IntegerField("户数")

    with app.test_request_context(method="POST", data={"unit": "99", "count": "十户"}):
        form = UnitChoiceForm()
        assert not form.validate()
        assert form.unit.errors == ["不是有效的选择。"]
        assert all(HAN.search(message) for message in form.count.errors), form.count.errors

    english = [f"{module.__name__}.{cls.__name__}" for module in form_modules() for cls in vars(module).values()
               if isinstance(cls, type) and issubclass(cls, FlaskForm) and cls is not ChineseForm
               and cls.__module__ == module.__name__ and not issubclass(cls, ChineseForm)]
    assert english == []
