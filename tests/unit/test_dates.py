"""The one parser of dates typed by users (tracker/dates.py): forms, filters and the task edit read it."""
from __future__ import annotations

from datetime import date

import pytest

from tracker.dates import DateInputError, parse_user_date


def test_parse_user_date_reads_the_form_the_pages_ask_for():
    assert parse_user_date("2027-03-31", "反馈期限") == date(2027, 3, 31)


def test_parse_user_date_ignores_spaces_around_the_date():
    assert parse_user_date("  2027-06-30 \n", "到期日期") == date(2027, 6, 30)


@pytest.mark.parametrize("text", [None, "", "   "])
def test_parse_user_date_reads_an_empty_field_as_no_date(text):
    assert parse_user_date(text, "到期日期") is None


@pytest.mark.parametrize("text", ["2027-13-45", "2027-02-30", "明年三月", "31/03/2027"])
def test_parse_user_date_refuses_what_is_not_a_date_naming_the_field_and_the_form(text):
    with pytest.raises(DateInputError) as raised:
        parse_user_date(text, "反馈期限")
    message = str(raised.value)
    assert "“反馈期限”" in message and f"“{text}”" in message and "2027-03-31" in message
    assert raised.value.caption == "反馈期限" and raised.value.text == text


def test_date_input_error_is_a_value_error_for_callers_that_only_know_that():
    with pytest.raises(ValueError):
        parse_user_date("2027-3-1x", "到期日期")


class _ReplyForm:
    """A bare WTForms form with one DateTextField, as the supervision forms declare it."""

    @staticmethod
    def posted(text: str | None):
        from werkzeug.datastructures import MultiDict
        from wtforms import Form

        from tracker.forms import DateTextField

        class ReplyForm(Form):
            reply_by = DateTextField("反馈期限")

        return ReplyForm(MultiDict({} if text is None else {"reply_by": text}))


def test_date_field_gives_a_date_or_none():
    assert _ReplyForm.posted("2027-03-31").reply_by.data == date(2027, 3, 31)
    form = _ReplyForm.posted("")
    assert form.validate() and form.reply_by.data is None


def test_date_field_shows_the_parser_message_and_keeps_what_was_typed():
    form = _ReplyForm.posted("2027-13-45")
    assert not form.validate()
    assert form.reply_by.errors == ["“反馈期限”的“2027-13-45”不是有效日期，请按 2027-03-31 的格式填写，或留空。"]
    assert 'value="2027-13-45"' in form.reply_by()


def test_a_day_is_written_as_documents_write_it_without_leading_zeros():
    """One way every page, file, notice and reminder writes a day (tracker/dates.chinese_date)."""
    from tracker.dates import chinese_date
    assert chinese_date(date(2026, 3, 5)) == "2026年3月5日"
    assert chinese_date(date(2026, 12, 31)) == "2026年12月31日"
    assert chinese_date(None) == ""


def test_an_extension_is_asked_to_a_day_written_with_qian():
    """An extension's new day as its refusal and the 办理记录 write it: the same day form, then 前."""
    from tracker.services.workflow.extensions import written_date
    assert written_date(date(2027, 1, 5)) == "2027年1月5日前"
