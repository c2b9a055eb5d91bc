"""The task page's form fields are written once per process for what their HTML is made of and then reused
(tracker/tasks/forms.KeptBlankFieldsForm, issue 19): what a user is shown must be what WTForms itself writes for
that field now — the choices and the selection of a drop-down, a file field's attributes — however many pages
were rendered before."""
from __future__ import annotations

from wtforms.widgets import FileInput, HiddenInput, Select

from tracker.models import TaskStatus
from tracker.tasks.forms import ProgressForm

ASSIGNED_TASK = [TaskStatus.ACKNOWLEDGED, TaskStatus.IN_PROGRESS]  # what a lead liaison may set on a new task
RUNNING_TASK = [TaskStatus.IN_PROGRESS]


def test_the_status_drop_down_offers_each_pages_own_choices_and_keeps_a_refused_choice_selected(app):
    with app.test_request_context():
        for statuses, chosen in [(ASSIGNED_TASK, ""), (RUNNING_TASK, ""), (ASSIGNED_TASK, "in_progress"),
                                 (ASSIGNED_TASK, ""), (RUNNING_TASK, "in_progress"), (RUNNING_TASK, "")]:
            form = ProgressForm(formdata=None)
            form.set_status_choices(statuses)
            form.status.data = chosen
            shown = form.status(class_="form-select", autofocus=False)
            assert shown == Select()(form.status, class_="form-select", autofocus=False), (statuses, chosen)
            assert shown.count("<option") == len(statuses) + 1
            assert ('selected value="in_progress"' in shown) == (chosen == "in_progress"), shown


def test_the_file_field_carries_the_attributes_of_the_page_and_the_version_its_own_number(app):
    with app.test_request_context():
        for limit in ["10485760", "20971520", "10485760"]:
            form = ProgressForm(formdata=None)
            shown = form.attachments(class_="form-control", **{"data-max-bytes": limit})
            assert shown == FileInput(multiple=True)(form.attachments, class_="form-control",
                                                     **{"data-max-bytes": limit})
            assert f'data-max-bytes="{limit}"' in shown
        for version in ["3", "4", "3"]:
            form = ProgressForm(formdata=None)
            form.version.data = version
            assert form.version() == HiddenInput()(form.version) and f'value="{version}"' in form.version()
